/**
 * The Word import's HTML → Markdown: what a clerk finds in the .md file, and
 * that the site reads it back as the same text (parsed with the site's own
 * parser and checked by its document check, as .md and as .mdx).
 */
import { describe, expect, it } from 'vitest';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { htmlToMarkdown } from '../../src/lib/markdown.ts';
import { checkDocumentBody } from '../../src/loader/document-body.ts';

interface Node {
  type: string;
  value?: string;
  url?: string;
  children?: Node[];
}

/** The document as the site parses it. */
const parse = (md: string, kind: 'md' | 'mdx'): Node =>
  (kind === 'mdx' ? mdxToMdast(md, {} as never) : markdownToMdast(md, {} as never)) as unknown as Node;
const text = (n: Node): string => n.value ?? (n.children ?? []).map(text).join('');
const types = (n: Node): string[] => [n.type, ...(n.children ?? []).flatMap(types)];

describe('htmlToMarkdown', () => {
  it('converts headings, paragraphs, bold and italic', () => {
    const { markdown, unsupported } = htmlToMarkdown(
      '<h1>标题</h1><h3>小节</h3><p><strong>重点</strong>：水质<em>达标</em></p>',
    );
    expect(markdown).toBe('# 标题\n\n### 小节\n\n**重点**：水质*达标*\n');
    expect(unsupported).toEqual([]);
  });
  it('decodes entities and drops empty paragraphs and headings', () => {
    expect(htmlToMarkdown('<p class="x">a &amp; b&#x4e00;&#20108;</p><p></p><h2> </h2>').markdown).toBe('a & b一二\n');
  });
  it('keeps bold and italic that start or end with Chinese punctuation bold and italic on the page', () => {
    const { markdown } = htmlToMarkdown(
      '<p><strong>重点：</strong>全乡达标<em>（试行）</em></p><p>甲<strong>“乙”</strong>丙</p>',
    );
    expect(markdown).toBe('**重点**：全乡达标（*试行*）\n\n甲“**乙**”丙\n');
    const tree = parse(markdown, 'mdx');
    expect(types(tree).filter((t) => t === 'strong' || t === 'emphasis')).toEqual(['strong', 'emphasis', 'strong']);
    expect(text(tree)).toBe('重点：全乡达标（试行）甲“乙”丙');
  });
  it('converts nested ordered and unordered lists', () => {
    const { markdown } = htmlToMarkdown(
      '<ol><li>甲<ol><li>甲一</li><li>甲二</li></ol></li><li>乙</li></ol><ul><li>丙</li></ul>',
    );
    expect(markdown).toBe('1. 甲\n   1. 甲一\n   2. 甲二\n2. 乙\n\n- 丙\n');
  });
  it('converts a table to a GFM pipe table, escaping pipes; a table without a header row takes its first row', () => {
    const { markdown } = htmlToMarkdown(
      '<table><tr><td><p>任务</p></td><td><p>单位</p></td></tr><tr><td><p>清淤</p></td><td><p>a|b</p></td></tr></table>',
    );
    expect(markdown).toBe('| 任务 | 单位 |\n| - | - |\n| 清淤 | a\\|b |\n');
    const head = htmlToMarkdown(
      '<table><thead><tr><th>项目</th></tr></thead><tbody><tr><td>清淤</td></tr></tbody></table>',
    );
    expect(head.markdown).toBe('| 项目 |\n| - |\n| 清淤 |\n');
  });
  it('puts a cell on one line: its paragraphs and list items are separated by spaces, a list is reported', () => {
    const r = htmlToMarkdown(
      '<table><tr><td>事项</td></tr><tr><td><p>第一段</p><p>第二段</p><ul><li>甲</li><li>乙</li></ul></td></tr></table>',
    );
    expect(r.markdown).toBe('| 事项 |\n| - |\n| 第一段 第二段 甲 乙 |\n');
    expect(r.unsupported).toEqual(['list（表格中的列表，已展开为文字）']);
  });
  it('splits merged cells and reports them; a nested table becomes the text of its cells', () => {
    const { markdown, unsupported } = htmlToMarkdown(
      '<table><tr><th colspan="2">合</th></tr><tr><td rowspan="2">1</td><td>2</td></tr></table>',
    );
    expect(markdown).toBe('| 合 | |\n| - | - |\n| 1 | 2 |\n');
    expect(unsupported).toEqual(['colspan（横向合并单元格，已拆开）', 'rowspan（纵向合并单元格，已拆开）']);
    const nested = htmlToMarkdown(
      '<table><tr><td>外</td></tr><tr><td><table><tr><td>内一</td><td>内二</td></tr></table></td></tr></table>',
    );
    expect(nested.markdown).toBe('| 外 |\n| - |\n| 内一 内二 |\n');
    expect(nested.unsupported).toEqual(['table（嵌套表格，已展开为文字）']);
  });
  it('keeps a table inside a list item as a table', () => {
    const { markdown, unsupported } = htmlToMarkdown(
      '<ol><li><p>任务</p><table><tr><th>单位</th></tr><tr><td>水利站</td></tr></table></li></ol>',
    );
    expect(markdown).toBe('1. 任务\n   | 单位 |\n   | - |\n   | 水利站 |\n');
    expect(unsupported).toEqual([]);
    const [list] = parse(markdown, 'mdx').children!;
    expect(types(list!)).toContain('table');
  });
  it('converts strikethrough and line breaks', () => {
    expect(htmlToMarkdown('<p>甲<s>删</s>乙<br />丙</p>').markdown).toBe('甲~~删~~乙\\\n丙\n');
  });
  it('keeps the text of unsupported elements and reports them', () => {
    const { markdown, unsupported } = htmlToMarkdown(
      '<p>H<sub>2</sub>O<img src="data:x" /><img src="y.png" /></p><p>x<u>下划线</u></p>',
    );
    expect(markdown).toBe('H2O\n\nx下划线\n');
    expect(unsupported).toEqual(['sub（上下标，仅保留文字）', 'img（图片未导入） ×2', 'u']);
  });
  it('escapes Markdown syntax in text and a paragraph that looks like a list or a heading', () => {
    const html = '<p>a*b_[c] `d` 1&lt;2</p><p>1. 不是列表</p><p>- 不是列表</p><p># 不是标题</p>';
    const { markdown } = htmlToMarkdown(html);
    expect(markdown).toContain('1\\. 不是列表');
    const tree = parse(markdown, 'md');
    expect(types(tree).filter((t) => !['root', 'paragraph', 'text'].includes(t))).toEqual([]);
    expect(tree.children!.map(text)).toEqual(['a*b_[c] `d` 1<2', '1. 不是列表', '- 不是列表', '# 不是标题']);
  });
  it('writes valid MDX: braces, angle brackets and import/export lines in text stay text', () => {
    const html =
      '<h2>{年度}目标</h2><p>COD<20 mg/L，{x} 与 a } b，<b>{重点}</b> &lt;WaterLink id="x" /&gt; &lt;!-- 注释 --&gt;</p>' +
      '<p>import fs from "node:fs"</p><p>export const a = 1</p><table><tr><th>{甲}</th></tr><tr><td>&lt;b&gt;</td></tr></table>';
    const { markdown } = htmlToMarkdown(html);
    for (const kind of ['md', 'mdx'] as const) {
      expect(checkDocumentBody(markdown, kind).problems).toEqual([]);
      const tree = parse(markdown, kind);
      expect(types(tree).filter((t) => t.startsWith('mdx') || t === 'html')).toEqual([]);
      expect(tree.children!.map(text)).toEqual([
        '{年度}目标',
        'COD<20 mg/L，{x} 与 a } b，{重点} <WaterLink id="x" /> <!-- 注释 -->',
        'import fs from "node:fs"',
        'export const a = 1',
        '{甲}<b>',
      ]);
    }
  });
  it('converts links with an address and keeps the text of bookmarks and internal anchors', () => {
    const r = htmlToMarkdown(
      '<p><a href="https://example.org/a">链接</a><a id="bm"></a> <a href="#_Toc1">见第二节</a></p>',
    );
    expect(r.markdown).toBe('[链接](https://example.org/a) 见第二节\n');
    expect(r.unsupported).toEqual(['a（文内链接，仅保留文字）']);
    const odd = htmlToMarkdown('<p><a href=" https://example.org/a b(c){d}">链接</a></p>').markdown;
    const link = parse(odd, 'mdx').children![0]!.children![0]!;
    expect(link).toMatchObject({ type: 'link', url: 'https://example.org/a b(c){d}' });
    expect(checkDocumentBody(odd, 'mdx').problems).toEqual([]);
  });
  it('keeps only http(s), mailto and tel links; a javascript: link from Word keeps its text and is reported', () => {
    const r = htmlToMarkdown(
      '<p><a href="javascript:alert(1)">点我</a> <a href="mailto:a@b.cn">信</a> <a href="file:///etc/passwd">文件</a></p>',
    );
    expect(r.markdown).toBe('点我 [信](mailto:a@b.cn) 文件\n');
    expect(r.unsupported.join(' ')).toContain('javascript:alert(1)');
    expect(r.unsupported.join(' ')).toContain('file:///etc/passwd');
  });
  it('gives an empty text for an empty document', () => {
    expect(htmlToMarkdown('')).toEqual({ markdown: '', unsupported: [] });
  });
});
