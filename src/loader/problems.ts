/**
 * A problem found in the data folder, and how it is printed. Every problem
 * names the file and, where it has one, the line, the column, the value found
 * and what was expected, in Chinese (for the clerk) and English.
 */
export interface Problem {
  /** Path relative to the data folder, e.g. `readings/2024.csv`. */
  file: string;
  line?: number;
  /** 1-based column number (CSV column, or character column in YAML/JSON). */
  column?: number;
  /** Column header or YAML field. */
  field?: string;
  /** The value found. */
  value?: string;
  /** What identifies the row to a clerk, e.g. a water's name. */
  key?: string;
  zh: string;
  en: string;
}

/** Split a bilingual "中文\nEnglish" message. */
export function splitMessage(message: string): { zh: string; en: string } {
  const i = message.indexOf('\n');
  return i < 0 ? { zh: message, en: message } : { zh: message.slice(0, i), en: message.slice(i + 1) };
}

/** `waters.csv:12:5` */
export function location(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}${p.line && p.column ? `:${p.column}` : ''}`;
}

/** One problem as two lines: location and Chinese, then English. */
export function formatProblem(p: Problem): string {
  const where = location(p);
  const field = p.field ? ` [${p.field}]` : '';
  const key = p.key ? `（${p.key}）` : '';
  const value = p.value !== undefined ? ` 值 "${p.value}"：` : ' ';
  const valueEn = p.value !== undefined ? ` value "${p.value}": ` : ' ';
  return `${where}${field}${key}${value}${p.zh}\n    ${where}${field}${valueEn}${p.en}`;
}

/** The whole report: every problem, then a count. */
export function formatReport(problems: readonly Problem[], dir: string): string {
  if (problems.length === 0) return `数据检查通过 / data check passed: ${dir}`;
  const lines = problems.map(formatProblem);
  lines.push(`\n数据检查发现 ${problems.length} 个问题 / ${problems.length} problem(s) in ${dir}`);
  return lines.join('\n');
}
