/**
 * A table of the data contract: its file, and per column the English header,
 * the Chinese aliases an office spreadsheet may use instead, whether the cell
 * may be empty, the zod schema of the cell and a line of documentation.
 * The column list drives header recognition, validation messages, the clerks'
 * documentation and the Excel template, so they cannot drift apart.
 */
import { z } from 'astro/zod';

export interface ColumnDef<S extends z.ZodType = z.ZodType> {
  /** Chinese header names accepted as aliases of the English name. */
  zh: readonly string[];
  /** Schema of a non-empty cell (empty cells are `undefined`). */
  schema: S;
  /** True when the cell may be left empty. The column itself may then be absent too. */
  optional?: boolean;
  /** What the column holds, in Chinese, for the clerks' documentation and template. */
  doc: string;
}

type Shape<C extends Record<string, ColumnDef>> = {
  [K in keyof C]: C[K]['optional'] extends true ? z.ZodOptional<C[K]['schema']> : C[K]['schema'];
};

export interface TableDef<C extends Record<string, ColumnDef> = Record<string, ColumnDef>> {
  /** File name within the data folder, or a folder for `readings`. */
  file: string;
  /** Chinese name of the table. */
  title: string;
  columns: C;
  /** Schema of one row, keyed by English column names. */
  row: z.ZodObject<Shape<C>>;
  /** Column whose value identifies a row to a clerk (e.g. a water's name). */
  key?: keyof C & string;
}

export function defineTable<const C extends Record<string, ColumnDef>>(def: {
  file: string;
  title: string;
  columns: C;
  key?: keyof C & string;
}): TableDef<C> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, col] of Object.entries(def.columns))
    shape[name] = col.optional ? col.schema.optional() : col.schema;
  return { ...def, row: z.object(shape) as z.ZodObject<Shape<C>> };
}

export function column<S extends z.ZodType>(
  zh: string | readonly string[],
  schema: S,
  doc: string,
): ColumnDef<S> & { optional: false } {
  return { zh: typeof zh === 'string' ? [zh] : zh, schema, doc, optional: false };
}

export function optional<S extends z.ZodType>(
  zh: string | readonly string[],
  schema: S,
  doc: string,
): ColumnDef<S> & { optional: true } {
  return { zh: typeof zh === 'string' ? [zh] : zh, schema, doc, optional: true };
}
