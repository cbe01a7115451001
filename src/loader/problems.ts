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

/** Spreadsheet column letters: 1 → A, 27 → AA. */
function letter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Problems by file, in first-seen order. */
export function groupProblems(problems: readonly Problem[]): Map<string, Problem[]> {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const list = groups.get(p.file) ?? [];
    list.push(p);
    groups.set(p.file, list);
  }
  return groups;
}

/** Where a problem is, as a clerk reads it: `第 12 行 E 列` (CSV) or `第 12 行` (YAML, Markdown). */
export function locationZh(p: Problem): string {
  if (!p.line) return '整个文件';
  const csv = p.file.toLowerCase().endsWith('.csv');
  return `第 ${p.line} 行${p.column ? (csv ? ` ${letter(p.column)} 列` : ` 第 ${p.column} 字`) : ''}`;
}

/**
 * The report for the office: problems grouped by file, each with its row's
 * key (e.g. the water's name) beside the line number, the Chinese message
 * and (indented) the English one with the `file:line:column` location, then
 * a summary count per file and in total.
 */
export function formatReportGrouped(
  problems: readonly Problem[],
  dir: string,
  titles: Record<string, string> = {},
  fieldLabel: (file: string, field: string) => string = (_f, field) => field,
): string {
  if (problems.length === 0) return `数据检查通过 / data check passed: ${dir}`;
  const out: string[] = [];
  const groups = groupProblems(problems);
  for (const [file, list] of groups) {
    const title = titles[file] ? `（${titles[file]}）` : '';
    out.push(`■ ${file}${title}：${list.length} 个问题`);
    for (const p of [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
      const key = p.key ? `【${p.key}】` : '';
      const field = p.field ? ` [${fieldLabel(p.file, p.field)}]` : '';
      const value = p.value !== undefined ? ` 值“${p.value}”` : '';
      out.push(`  ${locationZh(p)}${key}${field}${value}：${p.zh}`);
      out.push(
        `      ${location(p)}${p.field ? ` [${p.field}]` : ''}${p.value !== undefined ? ` value "${p.value}"` : ''}: ${p.en}`,
      );
    }
    out.push('');
  }
  out.push('汇总 / summary:');
  for (const [file, list] of groups) out.push(`  ${file}：${list.length} 个问题`);
  out.push(
    `\n数据检查发现 ${problems.length} 个问题，分布在 ${groups.size} 个文件中 / ${problems.length} problem(s) in ${dir}`,
  );
  return out.join('\n');
}
