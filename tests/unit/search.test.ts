import { describe, expect, it } from 'vitest';
import { indexDocument, pinyinTerms, suffixes } from '../../src/lib/search.ts';

/** The text Pagefind cuts excerpts from: everything inside data-pagefind-body, tags removed. */
function bodyText(doc: string): string {
  return [...doc.matchAll(/<div data-pagefind-body>(.*?)<\/div>(?=<div data-pagefind-body>|<\/body>)/g)]
    .map((m) => m[1]!.replace(/<[^>]+>/g, ''))
    .join('');
}

describe('what goes into the search index', () => {
  it('is a zh-CN document with title, type, townships, detail and names as metadata and filters, and the text as its body', () => {
    const doc = indexDocument(
      {
        type: 'water',
        townships: ['东镇', '西乡'],
        detail: 'Ⅲ类',
        text: '县级河道',
        name: '清溪河',
        related: ['张三'],
      },
      '清溪河',
    );
    expect(doc).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(doc).toContain('<span data-pagefind-meta="title:清溪河"></span>');
    expect(doc).toContain('<span data-pagefind-filter="type:河湖"></span><span data-pagefind-meta="type:河湖"></span>');
    expect(doc).toContain(
      '<span data-pagefind-filter="township:东镇"></span><span data-pagefind-filter="township:西乡"></span>',
    );
    expect(doc).toContain('<span data-pagefind-meta="township:东镇、西乡"></span>');
    expect(doc).toContain('<span data-pagefind-meta="detail:Ⅲ类"></span>');
    expect(doc).toContain('<span data-pagefind-meta="name:清溪河"></span>');
    expect(doc).toContain('<span data-pagefind-meta="terms:溪河 河 qingxihe qxh"></span>');
    expect(doc).toContain('<span data-pagefind-meta="related:张三 三 zhangsan zs"></span>');
    expect(bodyText(doc)).toBe('县级河道');
    expect(doc.match(/data-pagefind-body/g)).toHaveLength(1);
  });

  it("puts the title into the text, weighted as a heading, without the page's own name", () => {
    const kase = indexDocument({ type: 'case', related: ['清溪河'], text: '问题编号 wt-1' }, '清溪河东镇段夜间采砂');
    expect(kase).toContain('<p data-pagefind-weight="7">清溪河东镇段夜间采砂</p><p>问题编号 wt-1</p>');
    const station = indexDocument(
      { type: 'station', name: '清溪河出境', text: '所在水体：清溪河。' },
      '清溪河出境监测断面',
    );
    expect(bodyText(station)).toBe('监测断面所在水体：清溪河。');
  });

  it('keeps names and their pinyin out of the text excerpts are cut from', () => {
    const doc = indexDocument({ type: 'chief', name: '郑志强', text: '白沙镇镇长，白沙镇' }, '郑志强（白沙镇镇长）');
    expect(bodyText(doc)).toBe('白沙镇镇长，白沙镇');
    expect(bodyText(doc)).not.toMatch(/zhengzhiqiang|zzq|志/);
  });

  it('gives a page without text its detail, or its title, as body: Pagefind leaves out a page with no text', () => {
    expect(bodyText(indexDocument({ type: 'region', name: '东镇', detail: '3 个河湖' }, '东镇'))).toBe('3 个河湖');
    expect(bodyText(indexDocument({ type: 'region', name: '东镇' }, '东镇'))).toBe('东镇');
    expect(bodyText(indexDocument({ type: 'document' }, '示例县河长制工作方案'))).toBe('示例县河长制工作方案');
  });

  it('escapes text from the data', () => {
    const doc = indexDocument({ type: 'case', text: '<b>排污</b> & "暗管"' }, '问题<script>');
    expect(doc).toContain('问题&lt;script&gt;');
    expect(doc).toContain('&lt;b&gt;排污&lt;/b&gt; &amp; &quot;暗管&quot;');
    expect(doc).not.toContain('<script>');
  });

  it("adds a policy document's rendered text as a second indexed part", () => {
    const doc = indexDocument(
      { type: 'document', fullText: true },
      '示例县河长制工作方案',
      '<h2>一、目标</h2><p>全面建立</p>',
    );
    expect(doc).toContain('<div data-pagefind-body><h2>一、目标</h2><p>全面建立</p></div>');
    expect(doc.match(/data-pagefind-body/g)).toHaveLength(2);
  });

  it('finds a name by any part of it: every suffix is a term', () => {
    expect(suffixes('清溪河出境')).toEqual(['清溪河出境', '溪河出境', '河出境', '出境', '境']);
    expect(suffixes(' 镜 湖 ')).toEqual(['镜湖', '湖']);
    expect(suffixes('S203')).toEqual(['S203']);
    expect(suffixes('“清溪”河')).toEqual(['清溪河', '溪河', '河']);
    expect(suffixes('')).toEqual([]);
  });

  it('adds full pinyin and initials of Chinese names as terms', () => {
    expect(pinyinTerms(['东西河', '张三', 'S203'])).toEqual(['dongxihe', 'dxh', 'zhangsan', 'zs']);
  });
});
