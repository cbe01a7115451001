import { describe, expect, it } from 'vitest';
import { extractIndexed } from '../../src/lib/search-extract.ts';
import { pinyinTerms } from '../../src/lib/search.ts';

describe('what goes into the search index', () => {
  it('is only the marked parts of a page, nested elements included, in a zh-CN document', () => {
    const page = `<html lang="zh-CN"><body><header>站点导航</header><div data-pagefind-body hidden><p data-pagefind-meta="title">清溪河</p></div><main><div data-pagefind-body><div><p>第一条</p></div><p>第二条</p></div><footer>页脚</footer></main></body></html>`;
    const out = extractIndexed(page)!;
    expect(out).toContain('<html lang="zh-CN">');
    expect(out).toContain('清溪河');
    expect(out).toContain('<div><p>第一条</p></div><p>第二条</p></div>');
    expect(out).not.toContain('站点导航');
    expect(out).not.toContain('页脚');
  });

  it('skips pages with nothing marked', () => {
    expect(extractIndexed('<html><body><p>无</p></body></html>')).toBeNull();
  });

  it('adds full pinyin and initials of Chinese names as terms', () => {
    expect(pinyinTerms(['东西河', '张三']).split(' ')).toEqual(['dongxihe', 'dxh', 'zhangsan', 'zs']);
  });
});
