/**
 * What one open dataset is: a name (its file under /data/), a title, its
 * documented fields, and how its rows are computed from the indexed data.
 * The datasets themselves live in opendata.ts (figures the site computes)
 * and records.ts (tables published as the office keeps them).
 */
import type { Db } from './query.ts';

export type Value = string | number | boolean | null | string[];
export type Record_ = Record<string, Value>;

export interface Dataset {
  name: string;
  title: string;
  fields: { name: string; description: string }[];
  rows: (db: Db) => Record_[];
  /** Published only when this holds (a table the contract makes optional); always when absent. */
  present?: (db: Db) => boolean;
}

/** One documented field. */
export const f = (name: string, description: string) => ({ name, description });
