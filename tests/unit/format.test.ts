/** src/lib/format.ts: dates, numbers and shares as the Chinese pages print them. */
import { describe, expect, it } from 'vitest';
import { formatDateZh, formatNumber, formatPercent, plainNumber } from '../../src/lib/format.ts';

describe('formatDateZh', () => {
  it('writes a date and a month without leading zeros', () => {
    expect(formatDateZh('2026-10-31')).toBe('2026年10月31日');
    expect(formatDateZh('2026-03-05')).toBe('2026年3月5日');
    expect(formatDateZh('2026-03')).toBe('2026年3月');
  });
  it('leaves anything else as written', () => {
    expect(formatDateZh('2026')).toBe('2026');
    expect(formatDateZh('2026-Q3')).toBe('2026-Q3');
    expect(formatDateZh('2026-10-31T08:00')).toBe('2026-10-31T08:00');
  });
});

describe('formatNumber', () => {
  it('rounds to the digits asked, with no trailing zeros', () => {
    expect(formatNumber(68.6)).toBe('68.6');
    expect(formatNumber(2.0)).toBe('2');
    expect(formatNumber(0.125)).toBe('0.13');
    expect(formatNumber(3.3333, 1)).toBe('3.3');
  });
  it('groups thousands as zh-CN does', () => {
    expect(formatNumber(12345.678)).toBe('12,345.68');
  });
});

describe('formatPercent', () => {
  it('writes a share as a percentage with one decimal at most', () => {
    expect(formatPercent(0.875)).toBe('87.5%');
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.12345, 2)).toBe('12.35%');
  });
});

describe('plainNumber', () => {
  it('writes numbers without noise or grouping, keeping small limits', () => {
    expect(plainNumber(0.00005)).toBe('0.00005');
    expect(plainNumber(0.1 + 0.2)).toBe('0.3');
    expect(plainNumber(15)).toBe('15');
    expect(plainNumber(12345)).toBe('12345');
    expect(plainNumber(0.45, 2)).toBe('0.45');
    expect(plainNumber(0)).toBe('0');
  });
});
