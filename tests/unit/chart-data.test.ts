import { describe, expect, it } from 'vitest';
import type { ReadingItem } from '../../src/lib/enums.ts';
import { parseMeasurement } from '../../src/lib/measurement.ts';
import type { ReadingValues } from '../../src/lib/gb3838.ts';
import { classifyReading, standardFor } from '../../src/lib/gb3838.ts';
import {
  axisRange,
  bandsFor,
  chartDecision,
  classBands,
  itemChartSpec,
  itemSeries,
  shareByMonth,
  shareChartSpec,
  toneOf,
} from '../../src/lib/chart-data.ts';
import type { MonthClass } from '../../src/lib/chart-data.ts';
import {
  complianceSummary,
  itemSummary,
  limitText,
  pollutantText,
  shareSummary,
  shortfallText,
} from '../../src/lib/quality-text.ts';
import { addMonths } from '../../src/lib/dates.ts';

function values(v: Partial<Record<ReadingItem, string>>): ReadingValues {
  const out: ReadingValues = {};
  for (const [k, s] of Object.entries(v)) out[k as ReadingItem] = parseMeasurement(s)!;
  return out;
}

/** Monthly results from a pattern: 'x' missed (class IV), 'o' met (class II), '-' no result. */
function monthly(start: string, pattern: string): MonthClass[] {
  const out: MonthClass[] = [];
  [...pattern].forEach((ch, i) => {
    if (ch !== '-') out.push({ month: addMonths(start, i), class: ch === 'x' ? 'IV' : 'II', meets: ch === 'o' });
  });
  return out;
}

describe('limitText', () => {
  it('writes limits by bound', () => {
    expect(limitText(standardFor('nh3n', 'river')!, 1)).toBe('≤ 1');
    expect(limitText(standardFor('do', 'river')!, 5)).toBe('≥ 5');
    expect(limitText(standardFor('ph', 'river')!, { min: 6, max: 9 })).toBe('6–9');
  });
});

describe('pollutantText', () => {
  const texts = (v: Partial<Record<ReadingItem, string>>, waterbody: 'river' | 'lake' = 'river') =>
    classifyReading(values(v), waterbody).mainPollutants.map(pollutantText);

  it('gives the multiple over the class III limit, to two decimals', () => {
    expect(texts({ tp: '0.44', cod: '30.1' })).toEqual(['总磷（超Ⅲ类标准 1.2 倍）', '化学需氧量（超Ⅲ类标准 0.51 倍）']);
    expect(texts({ hg: '0.00012' })).toEqual(['汞（超Ⅲ类标准 0.2 倍）']);
    expect(texts({ tp: '0.12' }, 'lake')).toEqual(['总磷（超Ⅲ类标准 1.4 倍）']);
  });

  it('describes pH and DO, which have no multiple, in plain words', () => {
    expect(texts({ do: '0.9' })).toEqual(['溶解氧（0.9 mg/L，低于Ⅲ类标准 5 mg/L）']);
    expect(texts({ ph: '9.46' })).toEqual(['pH（9.46，超出 6–9 范围）']);
    expect(texts({ ph: '5.5', do: '1.5', nh3n: '2.2' })).toEqual([
      '氨氮（超Ⅲ类标准 1.2 倍）',
      'pH（5.5，超出 6–9 范围）',
      '溶解氧（1.5 mg/L，低于Ⅲ类标准 5 mg/L）',
    ]);
  });
});

describe('shortfallText', () => {
  it('gives the exceedance multiple over the target limit', () => {
    expect(shortfallText('nh3n', 1.45, 'river', 'III')).toBe('超标 0.45 倍');
    expect(shortfallText('tp', 0.3, 'lake', 'III')).toBe('超标 5 倍');
  });
  it('says DO is below the limit and pH out of range', () => {
    expect(shortfallText('do', 4, 'river', 'III')).toBe('低于Ⅲ类限值 5 mg/L');
    expect(shortfallText('ph', 9.5, 'river', 'III')).toBe('超出 6–9 范围');
    expect(shortfallText('ph', 5.9, 'river', 'II')).toBe('超出 6–9 范围');
  });
  it('is null at or within the limit, also after floating-point sums', () => {
    expect(shortfallText('nh3n', 1.0, 'river', 'III')).toBeNull();
    expect(shortfallText('tp', 0.1 + 0.1, 'river', 'III')).toBeNull();
    expect(shortfallText('do', 5, 'river', 'III')).toBeNull();
    expect(shortfallText('temp', 40, 'river', 'III')).toBeNull();
  });
});

describe('classBands', () => {
  it('gives upper-bound items a band per distinct class from 0, then 劣V', () => {
    const bands = bandsFor('cod', 'river');
    // COD: classes I and II share 15, so II has no band of its own.
    expect(bands.map((b) => [b.class, b.from, b.to])).toEqual([
      ['I', 0, 15],
      ['III', 15, 20],
      ['IV', 20, 30],
      ['V', 30, 40],
      ['劣V', 40, null],
    ]);
    expect(bands[1]!.label).toBe('Ⅲ类（≤ 20）');
    expect(bands.at(-1)!.label).toBe('劣Ⅴ类（> 40）');
  });
  it('draws DO as lower bounds, best class on top', () => {
    expect(bandsFor('do', 'river').map((b) => [b.class, b.from, b.to])).toEqual([
      ['I', 7.5, null],
      ['II', 6, 7.5],
      ['III', 5, 6],
      ['IV', 3, 5],
      ['V', 2, 3],
      ['劣V', 0, 2],
    ]);
  });
  it('draws pH as the shared 6–9 range with 劣V either side', () => {
    const bands = classBands(standardFor('ph', 'river')!);
    expect(bands.map((b) => [b.class, b.from, b.to])).toEqual([
      ['劣V', null, 6],
      [null, 6, 9],
      ['劣V', 9, null],
    ]);
    expect(bands[1]!.label).toBe('Ⅰ–Ⅴ类（6–9）');
  });
  it('uses the lake limits of TP on a lake, and has none for items without limits', () => {
    expect(bandsFor('tp', 'lake')[2]).toMatchObject({ class: 'III', from: 0.025, to: 0.05 });
    expect(bandsFor('tp', 'river')[2]).toMatchObject({ class: 'III', from: 0.1, to: 0.2 });
    expect(bandsFor('temp', 'river')).toEqual([]);
    expect(bandsFor('tn', 'river')).toEqual([]);
    expect(bandsFor('tn', 'lake')).toHaveLength(6);
  });
  it('maps classes to the colour tokens 1–6 and the shared range to 0', () => {
    expect(toneOf('I')).toBe(1);
    expect(toneOf('劣V')).toBe(6);
    expect(toneOf(null)).toBe(0);
  });
});

describe('itemSeries', () => {
  const readings = [
    { date: '2026-01-10', values: values({ nh3n: '0.4', tp: '0.01L', tn: '3.1' }) },
    { date: '2026-02-10', values: values({ tp: '0.25' }) },
    { date: '2026-03-10', values: values({ nh3n: '1.6', tn: '0.4' }) },
  ];
  it('skips readings without the item and classes each value', () => {
    const s = itemSeries(readings, 'nh3n', 'river', 'III');
    expect(s.map((p) => [p.date, p.value, p.written, p.class, p.meetsTarget])).toEqual([
      ['2026-01-10', 0.4, '0.4', 'II', true],
      ['2026-03-10', 1.6, '1.6', 'V', false],
    ]);
  });
  it('plots an L value at half its limit and keeps it as written', () => {
    const s = itemSeries(readings, 'tp', 'river', 'III');
    expect(s[0]).toMatchObject({ value: 0.005, written: '0.01L', belowLimit: true, class: 'I', meetsTarget: true });
    expect(s[1]).toMatchObject({ value: 0.25, class: 'IV', meetsTarget: false });
  });
  it('never judges items that are reported only', () => {
    const lake = itemSeries(readings, 'tn', 'lake', 'III');
    expect(lake.map((p) => p.class)).toEqual(['劣V', 'II']);
    expect(lake.map((p) => p.meetsTarget)).toEqual([null, null]);
    expect(itemSeries(readings, 'tn', 'river', 'III').map((p) => p.class)).toEqual([null, null]);
  });
  it('has no verdict without a target', () => {
    expect(itemSeries(readings, 'nh3n', 'river').map((p) => p.meetsTarget)).toEqual([null, null]);
  });
});

describe('chartDecision', () => {
  const series = (item: ReadingItem, vals: string[]) =>
    itemSeries(
      vals.map((v, i) => ({ date: `2026-0${i + 1}-01`, values: values({ [item]: v }) })),
      item,
      'river',
      'III',
    );
  it('charts routine indicators and items that ever failed', () => {
    expect(chartDecision(series('nh3n', ['0.2', '0.3']), 'nh3n', 'river')).toBeNull();
    expect(chartDecision(series('cu', ['0.002', '0.003']), 'cu', 'river')).toBe('always_met');
    expect(chartDecision(series('cu', ['0.002', '1.2']), 'cu', 'river')).toBeNull();
  });
  it('skips items always below detection and items without limits', () => {
    expect(chartDecision(series('hg', ['0.00004L', '0.00004L']), 'hg', 'river')).toBe('below_detection');
    expect(chartDecision(series('temp', ['12', '13']), 'temp', 'river')).toBe('no_standard');
  });
});

describe('axisRange', () => {
  const pts = (item: ReadingItem, vals: string[]) =>
    itemSeries(
      vals.map((v, i) => ({ date: `2026-0${i + 1}-01`, values: values({ [item]: v }) })),
      item,
      'river',
      'III',
    );
  it('starts upper-bound items at 0 and keeps the target limit in view', () => {
    const r = axisRange(pts('nh3n', ['0.2', '0.3']), 'nh3n', 'river', 'III');
    expect(r.min).toBe(0);
    expect(r.max).toBeGreaterThanOrEqual(1);
    expect(r.max).toBeLessThan(2);
  });
  it('follows the data above the target', () => {
    const r = axisRange(pts('nh3n', ['0.2', '3.4']), 'nh3n', 'river', 'III');
    expect(r.max).toBeGreaterThan(3.4);
  });
  it('keeps class I of DO and pH 6–9 in view', () => {
    const d = axisRange(pts('do', ['4', '6']), 'do', 'river', 'III');
    expect(d.min).toBeLessThanOrEqual(4);
    expect(d.max).toBeGreaterThanOrEqual(7.5);
    const p = axisRange(pts('ph', ['7.1', '7.4']), 'ph', 'river', 'III');
    expect(p).toEqual({ min: 5, max: 10 });
  });
});

describe('itemChartSpec', () => {
  it('flags failing points by index and sends L texts only when needed', () => {
    const points = itemSeries(
      [
        { date: '2026-01-01', values: values({ nh3n: '0.025L' }) },
        { date: '2026-02-01', values: values({ nh3n: '1.5' }) },
      ],
      'nh3n',
      'river',
      'III',
    );
    const spec = itemChartSpec(points, 'nh3n', 'river', 'III', 'summary');
    expect(spec.labels).toEqual(['2026-01-01', '2026-02-01']);
    expect(spec.series[0]!.values).toEqual([0.0125, 1.5]);
    expect(spec.series[0]!.flagged).toEqual([1]);
    expect(spec.series[0]!.texts).toEqual(['0.025L（低于检出限，按 0.0125 计）', null]);
    expect(spec.bands.map((b) => b.tone)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(spec.y.unit).toBe('mg/L');
    const plain = itemChartSpec(points.slice(1), 'nh3n', 'river', 'III', 's');
    expect(plain.series[0]!.texts).toBeUndefined();
  });
});

describe('shareByMonth', () => {
  const stations = [monthly('2026-01', 'ooxo'), monthly('2026-01', 'x-xo'), monthly('2026-02', 'ooo')];
  it('counts stations with a class and those meeting target per month', () => {
    const shares = shareByMonth(stations);
    expect(shares.map((s) => [s.month, s.reported, s.meeting])).toEqual([
      ['2026-01', 2, 1],
      ['2026-02', 2, 2],
      ['2026-03', 3, 1],
      ['2026-04', 3, 3],
    ]);
    expect(shares[2]!.share).toBeCloseTo(1 / 3);
    expect(shares[2]!.byClass).toMatchObject({ II: 1, IV: 2, I: 0 });
  });
  it('reports the months asked for, null when nobody reported', () => {
    const shares = shareByMonth(stations, ['2025-12', '2026-01']);
    expect(shares.map((s) => [s.month, s.reported, s.share])).toEqual([
      ['2025-12', 0, null],
      ['2026-01', 2, 0.5],
    ]);
  });
  it('ignores results without a class', () => {
    const shares = shareByMonth([[{ month: '2026-01', class: null, meets: null }]]);
    expect(shares).toEqual([]);
  });
  it('charts the share in percent', () => {
    const spec = shareChartSpec(shareByMonth(stations, ['2025-12', '2026-01']), 'x');
    expect(spec.series[0]!.values).toEqual([null, 50]);
    expect(spec.y).toMatchObject({ min: 0, max: 100, percent: true });
  });
});

describe('summaries', () => {
  it('says 近12个月8次达标 when every month had a result', () => {
    const s = complianceSummary(monthly('2025-11', 'ooooxxxxoooo'), '2026-10');
    expect(s).toMatchObject({ reported: 12, met: 8, text: '近12个月8次达标' });
  });
  it('says how many months had a result when some did not', () => {
    const s = complianceSummary(monthly('2025-09', 'xxoo--oooxxoo-'), '2026-10');
    // In the window 2025-11 … 2026-10: o o - - o o o x x o o - → 9 with results, 7 met.
    expect(s.text).toBe('近12个月7次达标（9个月有监测结果）');
    expect(complianceSummary([], '2026-10').text).toBe('近12个月没有监测结果');
  });
  it('summarises the share with the change against a year before', () => {
    const shares = shareByMonth([monthly('2025-10', 'xooooooooooxo'), monthly('2025-10', 'oooooooooooxo')]);
    const text = shareSummary(shares);
    expect(text).toMatch(
      /^2026年10月2个断面中2个达到水质目标（100%），比上年同月提高50个百分点；13个月中最低0%（2026年9月），最高100%/,
    );
    expect(shareSummary([])).toBe('没有监测结果');
  });
  it('summarises an item', () => {
    const points = itemSeries(
      [
        { date: '2026-01-01', values: values({ nh3n: '1.5' }) },
        { date: '2026-02-01', values: values({ nh3n: '0.3' }) },
      ],
      'nh3n',
      'river',
      'III',
    );
    expect(itemSummary(points, 'nh3n', 'III')).toBe(
      '氨氮：共2次监测，1次劣于Ⅲ类目标；最近一次（2026年2月1日）0.3 mg/L，Ⅱ类',
    );
    expect(itemSummary([], 'nh3n', 'III')).toBe('氨氮：没有监测数据');
    expect(itemSummary(points, 'nh3n', 'III', true)).toBe('氨氮：共2次监测；最近一次（2026年2月1日）0.3 mg/L，Ⅱ类');
  });
});
