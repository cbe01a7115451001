/**
 * src/lib/contacts.ts: the supervision phone printed on every river sign,
 * on each case page and on the report lookup.
 */
import { describe, expect, it } from 'vitest';
import { supervisionHotline } from '../../src/lib/contacts.ts';

const OFFICE = { name: '示例县河长制办公室', phone: '0000-6123400' };
const HOTLINES = [
  { name: '12345政务服务便民热线', number: '12345' },
  { name: '河长制监督电话', number: '0000-6123456', scope: '河长履职、河湖管理保护问题' },
];

describe('supervisionHotline', () => {
  it('is the hotline named 监督, wherever site.yaml lists it', () => {
    expect(supervisionHotline(HOTLINES, OFFICE)).toEqual(HOTLINES[1]);
  });
  it("without one, is the office's phone under the office's name", () => {
    expect(supervisionHotline(HOTLINES.slice(0, 1), OFFICE)).toEqual({
      name: '示例县河长制办公室电话',
      number: '0000-6123400',
    });
    expect(supervisionHotline([], OFFICE)).toEqual({ name: '示例县河长制办公室电话', number: '0000-6123400' });
  });
  it('without an office phone either, is the first hotline listed; with none at all, nothing', () => {
    expect(supervisionHotline(HOTLINES.slice(0, 1), { name: '示例县河长制办公室' })).toEqual(HOTLINES[0]);
    expect(supervisionHotline([], { name: '示例县河长制办公室' })).toBeNull();
  });
});
