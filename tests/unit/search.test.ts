import { describe, expect, it } from 'vitest';
import { indexDocument, pinyinTerms } from '../../src/lib/search.ts';

describe('what goes into the search index', () => {
  it('is a zh-CN document with the title weighted, type and townships as filters, detail and text', () => {
    const doc = indexDocument({ type: 'water', townships: ['东镇', '西乡'], detail: 'Ⅲ类', text: '县级河道', names: ['清溪河'] }, '清溪河');
    expect(doc).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(doc).toContain('<p data-pagefind-meta="title" data-pagefind-weight="10">清溪河</p>');
    expect(doc).toContain('<span data-pagefind-filter="type" data-pagefind-meta="type">河湖</span>');
    expect(doc).toContain('<span data-pagefind-filter="township">东镇</span><span data-pagefind-filter="township">西乡</span>');
    expect(doc).toContain('<span data-pagefind-meta="township">东镇、西乡</span>');
    expect(doc).toContain('<p data-pagefind-meta="detail">Ⅲ类</p>');
    expect(doc).toContain('<p>县级河道</p>');
    expect(doc).toContain('<p data-pagefind-weight="5">qingxihe qxh</p>');
    expect(doc.match(/data-pagefind-body/g)).toHaveLength(1);
  });

  it('escapes text from the data', () => {
    const doc = indexDocument({ type: 'case', text: '<b>排污</b> & "暗管"' }, '问题<script>');
    expect(doc).toContain('问题&lt;script&gt;');
    expect(doc).toContain('&lt;b&gt;排污&lt;/b&gt; &amp; &quot;暗管&quot;');
    expect(doc).not.toContain('<script>');
  });

  it('adds a policy document\'s rendered text as a second indexed part', () => {
    const doc = indexDocument({ type: 'document', fullText: true }, '示例县河长制工作方案', '<h2>一、目标</h2><p>全面建立</p>');
    expect(doc).toContain('<div data-pagefind-body><h2>一、目标</h2><p>全面建立</p></div>');
    expect(doc.match(/data-pagefind-body/g)).toHaveLength(2);
  });

  it('adds full pinyin and initials of Chinese names as terms', () => {
    expect(pinyinTerms(['东西河', '张三']).split(' ')).toEqual(['dongxihe', 'dxh', 'zhangsan', 'zs']);
  });
});
