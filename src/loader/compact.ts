/**
 * Compact forms of the long tables for the content store.
 *
 * A city publishes hundreds of thousands of readings, patrol and case-event
 * rows. Astro keeps every collection in one JSON data store that the build
 * serialises, then loads back as a JavaScript module: stored as objects
 * ({ "value": 0.004, "belowLimit": true } for every monitored item), the
 * city's store was 121 MB and loading it took half a minute. Stored as rows
 * of cells, as the CSV wrote them, it is a fraction of that. The rows were
 * validated with the tables' zod schemas before they are encoded; decoding
 * gives back exactly those validated values.
 */
import { READING_ITEM_KEYS, type CaseStatus, type ReadingItem } from '../lib/enums.ts';
import { formatMeasurement, parseMeasurement } from '../lib/measurement.ts';
import type { CaseEvent, Patrol, Reading } from '../schemas/tables.ts';

type Cell = string | number | null;

/** Readings of one station: [date, …one cell per item of READING_ITEM_KEYS, '' when not measured]. */
export function encodeReadings(rows: readonly Reading[]): string[][] {
  return rows.map((r) => [r.date, ...READING_ITEM_KEYS.map((k) => (r[k] ? formatMeasurement(r[k]!) : ''))]);
}

export function decodeReadings(station: string, rows: readonly string[][]): Reading[] {
  return rows.map((cells) => {
    const r: Record<string, unknown> = { station, date: cells[0] };
    READING_ITEM_KEYS.forEach((k: ReadingItem, i) => {
      const cell = cells[i + 1];
      if (cell) r[k] = parseMeasurement(cell)!;
    });
    return r as Reading;
  });
}

/** Patrols of one chief: [month, count, km, issues_found]. */
export function encodePatrols(rows: readonly Patrol[]): Cell[][] {
  return rows.map((p) => [p.month, p.count, p.km ?? null, p.issues_found ?? null]);
}

export function decodePatrols(chief: string, rows: readonly Cell[][]): Patrol[] {
  return rows.map(([month, count, km, issues]) => {
    const p: Patrol = { chief, month: String(month), count: Number(count) };
    if (km !== null && km !== undefined) p.km = Number(km);
    if (issues !== null && issues !== undefined) p.issues_found = Number(issues);
    return p;
  });
}

/** Events of one case, in file order: [date, status, note, by]. */
export function encodeEvents(rows: readonly CaseEvent[]): Cell[][] {
  return rows.map((e) => [e.date, e.status, e.note ?? null, e.by ?? null]);
}

export function decodeEvents(caseId: string, rows: readonly Cell[][]): CaseEvent[] {
  return rows.map(([date, status, note, by]) => {
    const e: CaseEvent = { case: caseId, date: String(date), status: status as CaseStatus };
    if (note !== null && note !== undefined) e.note = String(note);
    if (by !== null && by !== undefined) e.by = String(by);
    return e;
  });
}
