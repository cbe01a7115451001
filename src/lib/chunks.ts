/**
 * Long tables in consecutive parts. A city's township has hundreds of
 * waters and chiefs, an inspection period ranks hundreds of chiefs: as one
 * table, a phone lays out every row before it can scroll (measured on the
 * city build: about 3 ms a row under Lighthouse's 4× CPU slowdown, 1,000
 * rows blocked the page for 3–4 s). Split into parts that the browser lays
 * out only near the screen (content-visibility), the cost is that of the
 * rows in view. See ChunkedTable.astro and docs/performance.md.
 */

/** Rows per part: a phone screen holds about ten, so a part is several screens. */
export const CHUNK_ROWS = 50;

export interface Chunk<T> {
  rows: T[];
  /** 1-based positions of the part's first and last row. */
  from: number;
  to: number;
}

/** `rows` in parts of at most `size` (the last may be shorter); one part, possibly empty, for a short list. */
export function chunk<T>(rows: readonly T[], size: number = CHUNK_ROWS): Chunk<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`chunk size must be a positive integer, not ${size}`);
  if (rows.length <= size) return [{ rows: [...rows], from: rows.length ? 1 : 0, to: rows.length }];
  const out: Chunk<T>[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size);
    out.push({ rows: part, from: i + 1, to: i + part.length });
  }
  return out;
}
