/**
 * A monitoring value as Chinese reports write it: a number, or a detection
 * limit with a trailing `L` ("0.004L" = below the detection limit 0.004).
 * The `L` is kept: the open data republishes the value as it was written.
 */
export interface Measurement {
  /** The number written: the measured value, or the detection limit. */
  value: number;
  /** True when the sample was below the detection limit `value`. */
  belowLimit: boolean;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parse "1.23" or "0.004L"; returns null for anything that is not such a value. */
export function parseMeasurement(text: string): Measurement | null {
  const t = text.trim();
  const belowLimit = /[lL]$/.test(t);
  const num = belowLimit ? t.slice(0, -1).trim() : t;
  if (!NUMBER.test(num)) return null;
  const value = Number(num);
  if (!Number.isFinite(value)) return null;
  return { value, belowLimit };
}

/** Write a measurement back the way it came: "0.004L" or "1.23". */
export function formatMeasurement(m: Measurement): string {
  return m.belowLimit ? `${m.value}L` : String(m.value);
}
