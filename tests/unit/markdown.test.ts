import { describe, expect, it } from 'vitest';
import { decodeEntities, escapeText, htmlToMarkdown, parseHtml } from '../../src/lib/markdown.ts';

describe('parseHtml', () => {
  it('builds a tree with attributes and entities', () => {
    const root = parseHtml('<p class="x">a &amp; b<br />c</p>');
    const p = root.children[0] as { tag: string; attrs: Record<string, string>; children: unknown[] };
    expect(p.tag).toBe('p');
    expect(p.attrs.class).toBe('x');
    expect(p.children[0]).toBe('a & b');
    expect(decodeEntities('&#x4e00;&#20108;&lt;')).toBe('一二<');
  });
});

describe('htmlToMarkdown', () => {
  it('converts headings, paragraphs, bold and italic', () => {
    const { markdown, unsupported } = htmlToMarkdown('<h1>标题</h1><h3>小节</h3><p><strong>重点</strong>：水质<em>达标</em></p>');
    expect(markdown).toBe('# 标题\n\n### 小节\n\n**重点**：水质*达标*\n');
    expect(unsupported).toEqual([]);
  });
  it('converts nested ordered and unordered lists', () => {
    const { markdown } = htmlToMarkdown('<ol><li>甲<ol><li>甲一</li><li>甲二</li></ol></li><li>乙</li></ol><ul><li>丙</li></ul>');
    expect(markdown).toBe('1. 甲\n   1. 甲一\n   2. 甲二\n2. 乙\n\n- 丙\n');
  });
  it('converts a table to a GFM pipe table, escaping pipes', () => {
    const { markdown } = htmlToMarkdown('<table><tr><td><p>任务</p></td><td><p>单位</p></td></tr><tr><td><p>清淤</p></td><td><p>a|b</p></td></tr></table>');
    expect(markdown).toBe('| 任务 | 单位 |\n| --- | --- |\n| 清淤 | a\\|b |\n');
  });
  it('splits merged cells and reports them', () => {
    const { markdown, unsupported } = htmlToMarkdown('<table><tr><th colspan="2">合</th></tr><tr><td>1</td><td>2</td></tr></table>');
    expect(markdown).toContain('| 合 |   |');
    expect(unsupported.join()).toContain('colspan');
  });
  it('keeps the text of unsupported elements and reports them', () => {
    const { markdown, unsupported } = htmlToMarkdown('<p>H<sub>2</sub>O<img src="data:x" /></p><p>x<u>下划线</u></p>');
    expect(markdown).toContain('H2O');
    expect(markdown).toContain('x下划线');
    expect(unsupported).toEqual(expect.arrayContaining(['sub（上下标，仅保留文字）', 'img（图片未导入）', 'u']));
  });
  it('escapes Markdown syntax in text and a paragraph that looks like a list', () => {
    expect(escapeText('a*b_[c]')).toBe('a\\*b\\_\\[c\\]');
    expect(htmlToMarkdown('<p>1. 不是列表</p>').markdown).toBe('1\\. 不是列表\n');
  });
  it('converts links with an address and keeps the text of internal anchors', () => {
    expect(htmlToMarkdown('<p><a href="https://example.org/a">链接</a><a id="bm"></a></p>').markdown).toBe('[链接](https://example.org/a)\n');
  });
  it('keeps only http(s), mailto and tel links; a javascript: link from Word keeps its text and is reported', () => {
    const r = htmlToMarkdown('<p><a href="javascript:alert(1)">点我</a> <a href="mailto:a@b.cn">信</a> <a href="file:///etc/passwd">文件</a></p>');
    expect(r.markdown).toBe('点我 [信](mailto:a@b.cn) 文件\n');
    expect(r.unsupported.join(' ')).toContain('javascript:alert(1)');
    expect(r.unsupported.join(' ')).toContain('file:///etc/passwd');
  });
});
