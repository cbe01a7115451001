/**
 * `npm run import:docx -- file.docx [--out dir] [--slug id] [--force]`:
 * converts a Word document into documents/<slug>.md of the data folder
 * (RIVER_DATA_DIR or the sample; --out overrides the documents folder) with
 * a frontmatter skeleton to complete (TODO values; the title from the first
 * heading; 文号 and date filled in when the text shows them, to be checked).
 * Keeps headings, numbered and bulleted lists (nested) and tables; prints a
 * report of mammoth's messages and of what could not be converted.
 * Exits 1 on a missing file or an existing target (unless --force).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import mammoth from 'mammoth';
import { checkOfficeZip } from '../src/office/zip-guard.ts';
import { htmlToMarkdown } from '../src/lib/markdown.ts';
import { dataDir } from '../src/loader/index.ts';

export interface ImportResult {
  slug: string;
  title: string | null;
  /** The complete .md text (frontmatter + body). */
  text: string;
  /** Human-readable report lines: mammoth's messages and unsupported elements. */
  report: string[];
}

/** A document id from a file name: lowercase [a-z0-9-]; Chinese names give 'document' + a date stamp fallback. */
export function slugify(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/\.[^.]+$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-');
  return s || 'document';
}

const NUMBER_RE = /[\u4e00-\u9fa5]{1,12}〔\d{4}〕\d+号/;
const DATE_RE = /(\d{4})年(\d{1,2})月(\d{1,2})日/g;

const yamlString = (s: string) => JSON.stringify(s);

/** Convert a .docx buffer; `name` is used for the slug when none is given. */
export async function convertDocx(buffer: Buffer, name: string, slug?: string): Promise<ImportResult> {
  const id = slugify(slug ?? basename(name));
  const result = await mammoth.convertToHtml({ buffer });
  const report: string[] = [];
  for (const m of result.messages) report.push(`mammoth ${m.type === 'error' ? '错误' : '提示'}：${m.message}`);
  const { markdown, unsupported } = htmlToMarkdown(result.value);
  for (const u of unsupported) report.push(`未能完整转换：${u}`);

  // Title: the first heading, which then leaves the body (the page prints the title).
  let body = markdown;
  let title: string | null = null;
  const first = /^(#{1,6}) (.+)$/m.exec(body);
  if (first) {
    title = first[2]!.replace(/\\(.)/g, '$1').trim();
    body = (body.slice(0, first.index) + body.slice(first.index + first[0].length)).replace(/^\s*\n/, '');
  } else report.push('没有找到标题（Word 中应使用“标题 1/2…”样式），请手工填写 title');
  // Sections start at ## on the page: shift when the body uses # headings.
  if (/^# /m.test(body)) {
    body = body.replace(/^(#{1,5}) /gm, '#$1 ');
    report.push('标题层级已整体下移一级（正文从二级标题开始）');
  }
  if (!/^#{2,6} /m.test(body)) report.push('正文中没有标题：目录将为空，请检查 Word 中是否使用了标题样式');

  const plain = markdown.replace(/\\(.)/g, '$1');
  const number = NUMBER_RE.exec(plain)?.[0];
  const dates = [...plain.matchAll(DATE_RE)];
  const last = dates.at(-1);
  const date = last ? `${last[1]}-${last[2]!.padStart(2, '0')}-${last[3]!.padStart(2, '0')}` : null;

  const fm = [
    '---',
    `title: ${title ? yamlString(title) : '"TODO 文件标题"'}`,
    number
      ? `number: ${yamlString(number)} # 自动识别，请核对；没有文号则删除本行`
      : '# number: TODO 文号，如 示河长办〔2026〕1号（没有则保持注释）',
    'issuer: "TODO 发文单位"',
    date ? `date: ${date} # 自动识别（正文最后出现的日期），请核对` : 'date: TODO # 发布日期 YYYY-MM-DD',
    'status: TODO # draft 征求意见稿 | in_force 现行 | repealed 已废止',
    'kind: TODO # plan 工作方案 | one_river_one_policy 一河一策 | rules 制度办法 | notice 通报 | report 报告 | other 其他',
    'waters: [] # TODO 相关水体编码，如 [qingxi-he, baisha-he]',
    '# supersedes: TODO 本文件替代的文件编号（没有则保持注释）',
    '---',
    '',
  ].join('\n');
  report.push('请补全 frontmatter 中的 TODO 项，然后运行 npm run check:data 检查');
  return { slug: id, title, text: `${fm}\n${body.trim()}\n`, report };
}

interface Args {
  file?: string;
  out?: string;
  slug?: string;
  force: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { force: false };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i]!;
    if (v === '--out') a.out = argv[++i];
    else if (v === '--slug') a.slug = argv[++i];
    else if (v === '--force') a.force = true;
    else if (!a.file) a.file = v;
  }
  return a;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.file || extname(args.file).toLowerCase() !== '.docx') {
    console.error('用法：npm run import:docx -- 文件.docx [--out 目录] [--slug 文件编号] [--force]');
    return 1;
  }
  const file = resolve(args.file);
  if (!existsSync(file)) {
    console.error(`找不到文件：${file}`);
    return 1;
  }
  const bytes = readFileSync(file);
  const zip = checkOfficeZip(bytes, 'docx');
  if (!zip.ok) {
    console.error(`无法转换 ${file}：${zip.zh}\n  cannot convert ${file}: ${zip.en}`);
    return 1;
  }
  const res = await convertDocx(bytes, file, args.slug);
  const dir = resolve(args.out ?? join(dataDir(), 'documents'));
  const target = join(dir, `${res.slug}.md`);
  if (existsSync(target) && !args.force) {
    console.error(`已存在：${target}（用 --force 覆盖，或用 --slug 指定另一个编号）`);
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(target, res.text, 'utf8');
  console.log(`已写入 ${target}`);
  for (const line of res.report) console.log(`- ${line}`);
  return 0;
}

if (import.meta.main ?? process.argv[1] === import.meta.filename) {
  process.exitCode = await main();
}
