/**
 * Draws a LineChartSpec with Chart.js. Imported only by <hz-chart> when a
 * chart first comes into view, so Chart.js is fetched by pages with charts
 * and only then. Registers just what a line chart over categories needs
 * (Chart.js 4 is tree-shakeable: LineController, LineElement, PointElement,
 * CategoryScale, LinearScale) plus the Tooltip plugin; the class bands are
 * our own plugin (bands-plugin.ts). Colours come from the CSS tokens
 * (--hz-class-N-bg, --hz-color-*), read with getComputedStyle.
 */
import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { ChartConfiguration, PointStyle } from 'chart.js';
import type { LineChartSpec } from '../../lib/chart-data.ts';
import { classBandsPlugin } from './bands-plugin.ts';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

/** A colour token as the host's style computes it; the host's text colour if it is missing (never a copy of tokens.css here). */
function token(style: CSSStyleDeclaration, name: string, fallback = style.color): string {
  return style.getPropertyValue(name).trim() || fallback;
}

/** Draw a chart into a canvas; `host` is the element whose computed style gives the colours. */
export function drawLineChart(canvas: HTMLCanvasElement, spec: LineChartSpec, host: Element): Chart<'line'> {
  const css = getComputedStyle(host);
  const text = token(css, '--hz-color-text');
  const muted = token(css, '--hz-color-text-secondary');
  const grid = token(css, '--hz-color-border');
  const line = token(css, '--hz-color-brand');
  const bad = token(css, '--hz-color-error');
  const neutral = token(css, '--hz-color-bg-muted');
  const family = css.fontFamily || 'sans-serif';
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  const bands = spec.bands.map((b) => ({
    from: b.from,
    to: b.to,
    label: b.label,
    color: b.tone === 0 ? neutral : token(css, `--hz-class-${b.tone}-bg`, neutral),
  }));
  const unit = spec.y.unit === '无量纲' ? '' : spec.y.unit;
  const format = (v: number) => (spec.y.percent ? `${v}%` : `${v}`);

  const config: ChartConfiguration<'line', (number | null)[], string> = {
    type: 'line',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => {
        const flagged = new Set(s.flagged ?? []);
        return {
          label: s.label,
          data: s.values,
          borderColor: line,
          borderWidth: 2,
          backgroundColor: line,
          pointStyle: s.values.map((_, i) => (flagged.has(i) ? 'triangle' : 'circle')) as PointStyle[],
          pointRadius: s.values.map((_, i) => (flagged.has(i) ? 5 : s.values.length > 40 ? 2 : 3)),
          pointBackgroundColor: s.values.map((_, i) => (flagged.has(i) ? bad : line)),
          pointBorderColor: s.values.map((_, i) => (flagged.has(i) ? text : line)),
          spanGaps: false,
          tension: 0,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reduced ? false : { duration: 400 },
      locale: 'zh-CN',
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      font: { family },
      color: text,
      scales: {
        x: {
          grid: { display: false },
          ticks: {
            color: muted,
            maxRotation: 0,
            autoSkip: true,
            maxTicksLimit: 7,
            callback(value) {
              // Dates read as months on the axis; the table and tooltip keep the day.
              return String(this.getLabelForValue(Number(value))).slice(0, 7);
            },
          },
        },
        y: {
          // Percentages are fixed to 0–100; otherwise the range is a suggestion
          // that Chart.js rounds out to its own tick steps.
          ...(spec.y.percent
            ? { min: spec.y.min, max: spec.y.max }
            : { suggestedMin: spec.y.min, suggestedMax: spec.y.max }),
          grid: { color: grid, lineWidth: 0.5 },
          title: { display: unit !== '', text: unit, color: muted },
          ticks: { color: muted, callback: (v) => format(Number(v)) },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label(item) {
              const s = spec.series[item.datasetIndex];
              const t = s?.texts?.[item.dataIndex];
              const shown = t ?? (item.parsed.y === null ? '—' : format(item.parsed.y));
              return `${s?.label ?? ''}：${shown}${unit && !spec.y.percent ? ` ${unit}` : ''}${s?.flagged?.includes(item.dataIndex) ? '（未达目标）' : ''}`;
            },
          },
        },
      },
    },
    plugins: bands.length ? [classBandsPlugin(bands, { text, font: `12px ${family}`, alpha: 0.28 })] : [],
  };
  return new Chart(canvas, config);
}
