/**
 * src/data/memo.ts: a feature index is computed once per Db and again for
 * a new Db (a new build, or a data reload under `astro dev`).
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/query.ts';
import { memo } from '../../src/data/memo.ts';

const db = (asOf: string) => ({ asOf }) as unknown as Db;

describe('memo', () => {
  it('computes once per Db and hands every caller the same result', () => {
    const calls: string[] = [];
    const index = memo((d) => {
      calls.push(d.asOf);
      return { asOf: d.asOf };
    });
    const d = db('2026-10-31');
    const first = index(d);
    expect(index(d)).toBe(first);
    expect(index(d)).toBe(first);
    expect(calls).toEqual(['2026-10-31']);
  });
  it('computes again for a new Db, even one with equal contents', () => {
    const calls: string[] = [];
    const index = memo((d) => {
      calls.push(d.asOf);
      return [d.asOf];
    });
    const before = index(db('2026-10-31'));
    const after = index(db('2026-10-31'));
    expect(after).not.toBe(before);
    expect(calls).toHaveLength(2);
  });
  it('keeps a falsy result too (an empty list, zero, an empty string)', () => {
    let n = 0;
    const count = memo(() => {
      n++;
      return 0;
    });
    const d = db('2026-10-31');
    expect(count(d)).toBe(0);
    expect(count(d)).toBe(0);
    expect(n).toBe(1);
  });
  it('two memos of the same Db do not share results', () => {
    const a = memo(() => 'a');
    const b = memo(() => 'b');
    const d = db('2026-10-31');
    expect([a(d), b(d)]).toEqual(['a', 'b']);
  });
});
