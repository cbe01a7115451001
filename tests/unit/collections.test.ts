import { describe, expect, it } from 'vitest';
import { compareText, push } from '../../src/lib/collections.ts';

describe('push', () => {
  it('groups values by key in the order they come, keys in the order first seen', () => {
    const m = new Map<string, number[]>();
    push(m, 'b', 1);
    push(m, 'a', 2);
    push(m, 'b', 3);
    expect([...m]).toEqual([
      ['b', [1, 3]],
      ['a', [2]],
    ]);
  });

  it('appends to a list the Map already holds', () => {
    const existing = [0];
    const m = new Map([['k', existing]]);
    push(m, 'k', 1);
    expect(m.get('k')).toBe(existing);
    expect(existing).toEqual([0, 1]);
  });
});

describe('compareText', () => {
  it('orders by code unit, not by locale', () => {
    expect(['b', 'B', 'a', 'A', '10', '9'].sort(compareText)).toEqual(['10', '9', 'A', 'B', 'a', 'b']);
    expect(compareText('2026-03', '2026-03')).toBe(0);
    expect(compareText('2026-02-28', '2026-03-01')).toBe(-1);
    expect(compareText('河', '湖')).toBe(-1); // U+6CB3 before U+6E56
  });
});
