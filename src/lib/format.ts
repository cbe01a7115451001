/** Formatting for the Chinese UI. Pure functions; dates stay ISO strings (no time zones). */

/** '2026-10-31' → '2026年10月31日'; '2026-10' → '2026年10月'. */
export function formatDateZh(date: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  return m[3] ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : `${m[1]}年${Number(m[2])}月`;
}

/** A number with at most `digits` decimals, no trailing zeros. */
export function formatNumber(n: number, digits = 2): string {
  return Number(n.toFixed(digits)).toLocaleString('zh-CN', { maximumFractionDigits: digits });
}

/** A share 0–1 as a percentage, e.g. 0.875 → '87.5%'. */
export function formatPercent(share: number, digits = 1): string {
  return `${Number((share * 100).toFixed(digits))}%`;
}

/** A number for a label: at most `digits` significant decimals, no trailing zeros, no grouping. */
export function plainNumber(n: number, digits = 4): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const abs = Math.abs(n);
  // Small limits (mercury 0.00005) keep their significant digits.
  const decimals = abs >= 1 ? digits : Math.min(12, digits + Math.max(0, -Math.floor(Math.log10(abs)) - 1));
  return String(Number(n.toFixed(decimals)));
}
