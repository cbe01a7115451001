/**
 * <hz-chart>: a chart drawn only when it scrolls into view. The element
 * holds a hidden canvas box and the chart's data (a LineChartSpec) as JSON in
 * its `data-chart` attribute or in a <script type="application/json"> child.
 * When the box first intersects the viewport, the renderer (and with it
 * Chart.js) is imported and draws. Without JS, or if anything fails, the
 * box stays hidden and the page's summary line and data table remain.
 *
 * This module is tiny on purpose: it is bundled into every page that has a
 * chart; Chart.js lives in the renderer's chunk, fetched on first view.
 */
import type { LineChartSpec } from '../../lib/chart-data.ts';

class HzChart extends HTMLElement {
  private observer: IntersectionObserver | null = null;
  private chart: { destroy(): void } | null = null;

  connectedCallback(): void {
    const box = this.querySelector<HTMLElement>('[data-chart-box]');
    if (!box || this.dataset.state) return;
    box.hidden = false;
    this.dataset.state = 'waiting';
    if (!('IntersectionObserver' in window)) {
      void this.draw(box);
      return;
    }
    this.observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.observer?.disconnect();
      this.observer = null;
      void this.draw(box);
    });
    this.observer.observe(box);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.chart?.destroy();
    this.chart = null;
    delete this.dataset.state;
  }

  private spec(): LineChartSpec {
    const json = this.dataset.chart ?? this.querySelector('script[type="application/json"]')?.textContent;
    if (!json) throw new Error('hz-chart: no chart data');
    return JSON.parse(json) as LineChartSpec;
  }

  private async draw(box: HTMLElement): Promise<void> {
    const canvas = box.querySelector('canvas');
    if (!canvas) return;
    this.dataset.state = 'loading';
    try {
      const { drawLineChart } = await import('./render.ts');
      if (!this.isConnected) return;
      this.chart = drawLineChart(canvas, this.spec(), this);
      this.dataset.state = 'drawn';
    } catch (error) {
      box.hidden = true;
      this.dataset.state = 'failed';
      console.error(error);
    }
  }
}

if (!customElements.get('hz-chart')) {
  customElements.define('hz-chart', HzChart);
  // Printed, each chart shows its data table instead of the canvas
  // (LazyChart.astro's print styles). Browsers that cannot style a closed
  // <details>' content (no ::details-content) need it open: open the
  // closed chart tables for the print and close them again after.
  let opened: HTMLDetailsElement[] = [];
  addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>('[data-chart-id] > details:not([open])')];
    for (const d of opened) d.open = true;
  });
  addEventListener('afterprint', () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}
