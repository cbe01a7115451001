import { describe, expect, it } from 'vitest';
import { formatDateZh, formatNumber, formatPercent, plainNumber } from '../../src/lib/format.ts';

describe('formatDateZh', () => {
  it('writes months and dates in Chinese, without leading zeros', () => {
    expect(formatDateZh('2026-03')).toBe('2026年3月');
    expect(formatDateZh('2026-03-05')).toBe('2026年3月5日');
    expect(formatDateZh('2026-10-31')).toBe('2026年10月31日');
  });
  it('leaves anything else as it is', () => {
    expect(formatDateZh('2026')).toBe('2026');
    expect(formatDateZh('2026-Q1')).toBe('2026-Q1');
  });
});

describe('formatPercent', () => {
  it('writes a share with at most one decimal, no trailing zero', () => {
    expect(formatPercent(0.8)).toBe('80%');
    expect(formatPercent(5 / 6)).toBe('83.3%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(5 / 6, 2)).toBe('83.33%');
  });
});

describe('formatNumber', () => {
  it('rounds to the digits asked and groups thousands', () => {
    expect(formatNumber(1234.5678)).toBe('1,234.57');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(2.5, 0)).toBe('3');
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
