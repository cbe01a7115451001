/**
 * A small Chart.js plugin that draws the class limits of an item as
 * horizontal bands behind the line: a tinted rectangle per class, a dashed
 * line at each limit and the class written in the band (so the bands never
 * rely on colour alone). Written here rather than taken from a third-party
 * annotation plugin: it is a few dozen lines.
 */
import type { Chart, Plugin } from 'chart.js';

export interface BandToDraw {
  /** Lower edge in data units; null = the bottom of the chart area. */
  from: number | null;
  /** Upper edge in data units; null = the top of the chart area. */
  to: number | null;
  /** Fill colour (a CSS colour, read from the class tokens). */
  color: string;
  label: string;
}

export interface BandStyle {
  /** Colour of the band labels and limit lines. */
  text: string;
  font: string;
  /** Opacity of the band fill. */
  alpha: number;
}

/** The plugin for one chart's bands (pass it in the chart's `plugins`, not registered globally). */
export function classBandsPlugin(bands: readonly BandToDraw[], style: BandStyle): Plugin<'line'> {
  return {
    id: 'hzClassBands',
    beforeDatasetsDraw(chart: Chart<'line'>) {
      const { ctx, chartArea, scales } = chart;
      const y = scales.y;
      if (!chartArea || !y) return;
      const { left, right, top, bottom } = chartArea;
      ctx.save();
      ctx.beginPath();
      ctx.rect(left, top, right - left, bottom - top);
      ctx.clip();
      ctx.font = style.font;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'top';
      for (const band of bands) {
        const yTop = band.to === null ? top : Math.max(top, y.getPixelForValue(band.to));
        const yBottom = band.from === null ? bottom : Math.min(bottom, y.getPixelForValue(band.from));
        if (!(yBottom > yTop)) continue;
        ctx.globalAlpha = style.alpha;
        ctx.fillStyle = band.color;
        ctx.fillRect(left, yTop, right - left, yBottom - yTop);
        // The limit itself: a dashed line at the band's upper edge when it is a limit in view.
        if (band.to !== null && yTop > top) {
          ctx.globalAlpha = 0.7;
          ctx.strokeStyle = style.text;
          ctx.lineWidth = 1;
          ctx.setLineDash([4, 4]);
          ctx.beginPath();
          ctx.moveTo(left, yTop + 0.5);
          ctx.lineTo(right, yTop + 0.5);
          ctx.stroke();
          ctx.setLineDash([]);
        }
        if (yBottom - yTop >= 16) {
          ctx.globalAlpha = 1;
          ctx.fillStyle = style.text;
          ctx.fillText(band.label, right - 4, yTop + 2);
        }
      }
      ctx.restore();
    },
  };
}
