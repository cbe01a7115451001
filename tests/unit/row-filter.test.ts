/** src/lib/row-filter.ts: how the in-page filter matches a row and words its count. */
import { describe, expect, it } from 'vitest';
import { fillCount, matchValue } from '../../src/lib/row-filter.ts';

describe('matchValue', () => {
  it('text: finds typed characters, pinyin or initials inside one of the row words, ignoring case and spaces', () => {
    const row = '清溪河 qingxihe qxh';
    expect(matchValue('text', row, '清溪')).toBe(true);
    expect(matchValue('text', row, 'QingXi')).toBe(true);
    expect(matchValue('text', row, 'qing xi')).toBe(true);
    expect(matchValue('text', row, 'qxh')).toBe(true);
    expect(matchValue('text', row, '白沙')).toBe(false);
  });
  it('text: does not match across two words of the row', () => {
    expect(matchValue('text', '石门桥 清溪河 白沙镇', '桥清')).toBe(false);
    expect(matchValue('text', '石门桥 清溪河 白沙镇', '白沙镇')).toBe(true);
  });
  it('token: the choice is one of the listed values, not part of one', () => {
    expect(matchValue('token', 'open overdue rectifying', 'overdue')).toBe(true);
    expect(matchValue('token', 'open rectifying', 'overdue')).toBe(false);
    expect(matchValue('token', '990102000000 990103000000', '990103000000')).toBe(true);
    expect(matchValue('token', '990102000000', '99010')).toBe(false);
  });
  it('otherwise: the value equals the choice', () => {
    expect(matchValue(undefined, 'river', 'river')).toBe(true);
    expect(matchValue(undefined, 'river', 'riv')).toBe(false);
    expect(matchValue(undefined, '', 'none')).toBe(false);
  });
});

describe('fillCount', () => {
  it('puts the numbers in the wording', () => {
    expect(fillCount('显示 {shown} 个断面（共 {total} 个）', 3, 12)).toBe('显示 3 个断面（共 12 个）');
    expect(fillCount('共 {total} 个河湖', 0, 40)).toBe('共 40 个河湖');
  });
});
