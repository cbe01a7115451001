/** 数据较旧: a station's latest result more than two months past its usual interval. */
import { describe, expect, it } from 'vitest';
import { freshness, usualInterval } from '../../src/lib/freshness.ts';

const monthly = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `2026-${String(from + i).padStart(2, '0')}-10`);

describe('usual interval', () => {
  it('is the median gap between months with results', () => {
    expect(usualInterval(monthly(1, 6))).toBe(1);
    expect(usualInterval(['2025-01-10', '2025-04-10', '2025-07-10', '2025-10-10', '2025-11-10'])).toBe(3);
    expect(usualInterval(['2026-03-01', '2026-03-20'])).toBe(1);
  });
});

describe('stale', () => {
  it('a monthly station: three months since the last result is not stale, four is', () => {
    expect(freshness(monthly(1, 7), '2026-10-31')).toMatchObject({ last: '2026-07-10', monthsSince: 3, stale: false });
    expect(freshness(monthly(1, 6), '2026-10-31')).toMatchObject({ last: '2026-06-10', monthsSince: 4, stale: true });
  });
  it('a quarterly station: five months is not stale, six is', () => {
    const q = ['2025-01-10', '2025-04-10', '2025-07-10', '2025-10-10'];
    expect(freshness(q, '2026-03-31').stale).toBe(false);
    expect(freshness(q, '2026-04-30').stale).toBe(true);
  });
  it('no results: nothing to be stale', () => {
    expect(freshness([], '2026-10-31')).toEqual({ last: null, interval: 1, monthsSince: null, stale: false });
  });
});
