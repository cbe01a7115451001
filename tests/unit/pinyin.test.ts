/**
 * src/lib/pinyin.ts: the A–Z index of the directory and the pinyin a
 * reader may type in the filter box instead of the characters.
 */
import { describe, expect, it } from 'vitest';
import { comparePinyin, fullPinyin, indexLetter, initials } from '../../src/lib/pinyin.ts';

describe('fullPinyin and initials', () => {
  it('spell a name without tones or spaces, in lower case', () => {
    expect(fullPinyin('清溪河')).toBe('qingxihe');
    expect(initials('清溪河')).toBe('qxh');
    expect(fullPinyin('东门沟')).toBe('dongmengou');
    expect(initials('东门沟')).toBe('dmg');
  });
  it('keep letters and digits of a mixed name and drop punctuation', () => {
    expect(fullPinyin('3号渠')).toBe('3haoqu');
    expect(initials('G318排水沟')).toBe('g318psg');
    expect(fullPinyin('白沙河（上游）')).toBe('baishaheshangyou');
  });
});

describe('indexLetter', () => {
  it('files a name under the initial of its pinyin', () => {
    expect(indexLetter('白沙河')).toBe('B');
    expect(indexLetter('长塘')).toBe('C');
    expect(indexLetter('Qingxi 河')).toBe('Q');
  });
  it("files a name that starts with a digit or a symbol under '#'", () => {
    expect(indexLetter('3号渠')).toBe('#');
    expect(indexLetter('')).toBe('#');
  });
  it('skips leading punctuation', () => {
    expect(indexLetter('（旧）东沟')).toBe('J');
  });
});

describe('comparePinyin', () => {
  it('orders by pinyin, not by character code', () => {
    const names = ['清溪河', '白沙河', '东门沟', '柳树港', '桃源河'];
    expect([...names].sort(comparePinyin)).toEqual(['白沙河', '东门沟', '柳树港', '清溪河', '桃源河']);
  });
  it('orders names with the same pinyin by their characters, so the order is stable', () => {
    expect(comparePinyin('石河', '十河')).not.toBe(0);
    expect(Math.sign(comparePinyin('石河', '十河'))).toBe(-Math.sign(comparePinyin('十河', '石河')));
  });
});
