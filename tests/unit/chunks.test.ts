import { describe, expect, it } from 'vitest';
import { chunk } from '../../src/lib/chunks.ts';

describe('chunk', () => {
  it('keeps a short list as one part', () => {
    expect(chunk([1, 2, 3], 5)).toEqual([{ rows: [1, 2, 3], from: 1, to: 3 }]);
    expect(chunk([1, 2, 3], 3)).toEqual([{ rows: [1, 2, 3], from: 1, to: 3 }]);
    expect(chunk([], 3)).toEqual([{ rows: [], from: 0, to: 0 }]);
  });
  it('splits a long list into consecutive parts with their positions, the last one shorter', () => {
    const parts = chunk([1, 2, 3, 4, 5, 6, 7], 3);
    expect(parts.map((p) => [p.from, p.to, p.rows])).toEqual([
      [1, 3, [1, 2, 3]],
      [4, 6, [4, 5, 6]],
      [7, 7, [7]],
    ]);
    expect(parts.flatMap((p) => p.rows)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it('refuses a size that would loop forever', () => {
    expect(() => chunk([1], 0)).toThrow(/positive integer/);
    expect(() => chunk([1], 1.5)).toThrow(/positive integer/);
  });
});
