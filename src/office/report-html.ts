/**
 * The data check's report as a standalone HTML page a clerk can open in a
 * browser: a summary count per file, then per file a table of problems with
 * the row's key beside the line number, the column, the value found and the
 * Chinese message (English in smaller text). No external resources.
 */
import { groupProblems, locationZh, type Problem } from '../loader/problems.ts';
import { TABLES } from '../schemas/tables.ts';
import type { TableDef } from '../schemas/table.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]);

/** The Chinese title of a data file's table (readings/2026.csv → 监测数据), or ''. */
export function fileTitle(file: string): string {
  if (/^readings\/[^/]+\.csv$/i.test(file)) return TABLES.readings.title;
  if (file === 'site.yaml') return '网站设置';
  if (file.startsWith('documents/')) return '文件';
  if (file.startsWith('geo/')) return '地图';
  return (Object.values(TABLES) as TableDef[]).find((t) => t.file === file)?.title ?? '';
}

export function fileTitles(problems: readonly Problem[]): Record<string, string> {
  return Object.fromEntries([...new Set(problems.map((p) => p.file))].map((f) => [f, fileTitle(f)]));
}

/** The Chinese header of a column of a data file (verified → 核实日期), or the name itself. */
export function fieldZh(file: string, field: string | undefined): string {
  if (!field) return '';
  const t: TableDef | undefined = /^readings\//.test(file)
    ? (TABLES.readings as TableDef)
    : (Object.values(TABLES) as TableDef[]).find((x) => x.file === file);
  const col = t?.columns[field];
  return col ? `${col.zh[0]}（${field}）` : field;
}

export function renderReportHtml(problems: readonly Problem[], dir: string, generated = new Date()): string {
  const groups = groupProblems(problems);
  const when = generated.toISOString().slice(0, 16).replace('T', ' ');
  const parts: string[] = [];
  parts.push(`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>数据检查报告</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 1.5rem; color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.ok { color: #0a5c2e; font-weight: bold; } .bad { color: #8a1c1c; font-weight: bold; }
.wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.en { color: #555; font-size: .85em; }
code { font-family: ui-monospace, monospace; }
</style>
</head>
<body>
<h1>数据检查报告</h1>
<p>数据文件夹：<code>${escapeHtml(dir)}</code><br>检查时间：${escapeHtml(when)} (UTC)</p>`);
  if (problems.length === 0) {
    parts.push('<p class="ok">数据检查通过，没有发现问题。</p>');
  } else {
    parts.push(
      `<p class="bad">发现 ${problems.length} 个问题，分布在 ${groups.size} 个文件中。请逐条改正后重新检查。</p>`,
    );
    parts.push(
      '<div class="wrap"><table><caption>各文件问题数</caption><thead><tr><th scope="col">文件</th><th scope="col">表</th><th scope="col">问题数</th></tr></thead><tbody>',
    );
    let i = 0;
    for (const [file, list] of groups)
      parts.push(
        `<tr><td><a href="#f${i++}"><code>${escapeHtml(file)}</code></a></td><td>${escapeHtml(fileTitle(file))}</td><td>${list.length}</td></tr>`,
      );
    parts.push('</tbody></table></div>');
    i = 0;
    for (const [file, list] of groups) {
      const title = fileTitle(file);
      parts.push(
        `<h2 id="f${i++}"><code>${escapeHtml(file)}</code>${title ? `（${escapeHtml(title)}）` : ''}：${list.length} 个问题</h2>`,
      );
      parts.push(
        `<div class="wrap"><table><caption class="visually-hidden">${escapeHtml(file)} 的问题</caption><thead><tr><th scope="col">位置</th><th scope="col">记录</th><th scope="col">列</th><th scope="col">填写的值</th><th scope="col">问题</th><th scope="col">English</th></tr></thead><tbody>`,
      );
      for (const p of list) {
        parts.push(
          `<tr><td>${escapeHtml(locationZh(p))}</td><td>${escapeHtml(p.key ?? '')}</td><td>${escapeHtml(fieldZh(file, p.field))}</td><td>${p.value !== undefined ? `<code>${escapeHtml(p.value)}</code>` : ''}</td><td>${escapeHtml(p.zh)}</td><td class="en">${escapeHtml(p.en)}</td></tr>`,
        );
      }
      parts.push('</tbody></table></div>');
    }
  }
  parts.push('</body>\n</html>\n');
  return parts.join('\n');
}
