/**
 * A policy document is data, not code (src/loader/document-body.ts): what
 * an MDX or Markdown body may hold, and where each refusal is reported.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocumentBody, isLiteralData, MDX_COMPONENTS } from '../../src/loader/document-body.ts';
import { loadDataFolder } from '../../src/loader/index.ts';
import { cleanupTemp, makeFixture } from '../helpers/fixtures.ts';

afterAll(cleanupTemp);

const FM = '---\ntitle: 测试\n---\n\n';
const problems = (body: string, kind: 'md' | 'mdx' = 'mdx') =>
  checkDocumentBody(FM + body, kind).problems.map((p) => [p.line, p.column, p.value]);

describe('MDX may use the project components with plain values only', () => {
  it('the components the pages pass to <Content> are the ones the check allows', () => {
    const index = readFileSync(join(import.meta.dirname, '../../src/components/mdx/index.ts'), 'utf8');
    const passed = /export const mdxComponents = \{([^}]*)\}/
      .exec(index)![1]!
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    expect(Object.keys(MDX_COMPONENTS).sort()).toEqual(passed.sort());
  });
  it("the sample's documents pass", () => {
    const dir = join(import.meta.dirname, '../../src/content/documents');
    for (const f of readdirSync(dir))
      expect(
        checkDocumentBody(readFileSync(join(dir, f), 'utf8'), f.endsWith('.mdx') ? 'mdx' : 'md').problems,
        f,
      ).toEqual([]);
  });
  it('refuses import and export, naming the line', () => {
    expect(
      problems(
        "正文\n\nimport { readFileSync } from 'node:fs'\nexport const leak = readFileSync('/etc/passwd', 'utf8')\n",
      ),
    ).toEqual([[7, 1, "import { readFileSync } from 'node:fs'\nexport const leak = readFileSync('/etc/pa…"]]);
  });
  it('refuses expressions but keeps comments', () => {
    expect(problems('环境 {process.env.SECRET}\n\n{/* 这是注释 */}\n')).toEqual([[5, 4, '{process.env.SECRET}']]);
  });
  it('refuses tags other than the components, and attributes they do not take', () => {
    expect(problems('<script src="/x.js" />\n\n<WaterLink id="a" onClick="x" />\n')).toEqual([
      [5, 1, '<script>'],
      [7, 1, 'onClick'],
    ]);
  });
  it('attribute values are literal data: TaskTable rows yes, code no', () => {
    expect(isLiteralData("[{ task: '整治', deadline: '2026-06-30', n: -1, ok: true, x: null, t: `文字` }]")).toBe(true);
    for (const code of [
      'fetch("x")',
      '[...rows]',
      '{ [k]: 1 }',
      '{ a }',
      '`${x}`',
      'a.b',
      '() => 1',
      '[1, , 2]',
      '{ a: 1 } + 1',
    ])
      expect(isLiteralData(code), code).toBe(false);
    expect(problems('<TaskTable caption="x" rows={[{ task: "a" }, globalThis.process]} />\n')).toHaveLength(1);
    expect(problems('<TaskTable caption="x" {...props} />\n')).toHaveLength(1);
  });
  it('reports an MDX syntax error at its line and column', () => {
    const [p] = checkDocumentBody(FM + '正文\n\n<WaterLink id="a"\n', 'mdx').problems;
    expect(p!.line).toBeGreaterThanOrEqual(7);
    expect(p!.zh).toContain('MDX 语法错误');
  });
  it('finds the ids the components refer to, at the value', () => {
    expect(checkDocumentBody(FM + '见 <WaterLink id="qingxi-he" />。\n', 'mdx').refs).toEqual([
      { component: 'WaterLink', id: 'qingxi-he', line: 5, column: 18 },
    ]);
  });
});

describe('Markdown and links', () => {
  it('raw HTML in .md is refused; an HTML comment is not', () => {
    expect(
      problems(
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">\n\n图 <img src="x" onerror="alert(1)"> <!-- 注 -->\n',
        'md',
      ),
    ).toEqual([
      [5, 1, '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
      [7, 3, '<img src="x" onerror="alert(1)">'],
    ]);
  });
  it('links only to http(s), mailto, tel or the site; images only from the site', () => {
    const body =
      '[a](javascript:alert(1)) [b](https://x.org) [c](/waters/) [d](tel:12345) [e](data:text/html,x)\n\n[ref]: vbscript:x\n\n![i](https://evil.example/p.png) ![j](/cases/media/a.jpg)\n';
    expect(problems(body, 'md').map((p) => p[2])).toEqual([
      'javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'https://evil.example/p.png',
    ]);
  });
});

describe('in the folder check', () => {
  it('a document that imports node:fs fails the check with file and line', () => {
    const dir = makeFixture();
    const file = readdirSync(join(dir, 'documents')).find((f) => f.endsWith('.mdx'))!;
    const text = readFileSync(join(dir, 'documents', file), 'utf8');
    writeFileSync(
      join(dir, 'documents', file),
      text.replace(/\n---\n/, "\n---\nimport { readFileSync } from 'node:fs'\n"),
    );
    const p = loadDataFolder(dir).problems.find((x) => x.zh.includes('import'));
    expect(p).toMatchObject({ file: `documents/${file}` });
    expect(p!.line).toBeGreaterThan(1);
  });
});
