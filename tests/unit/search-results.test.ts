import { describe, expect, it } from 'vitest';
import { foundByWords, hasLongWords, isOwnName, ownNameFirst, queryWords } from '../../src/scripts/search-results.ts';

const page = (content: string, meta: Record<string, string> = {}) => ({ content, meta });

describe('search results', () => {
  it('cuts a query into words as the browser does, punctuation and spaces left out', () => {
    expect(queryWords('志愿者').join('')).toBe('志愿者');
    expect(queryWords('白沙河， baishahe')).toContain('baishahe');
    expect(queryWords('白沙河， baishahe').join('')).toBe('白沙河baishahe');
  });

  it('drops a page found only through one character of a longer word of the query', () => {
    // 志愿 falls back to 志 where a name was cut into characters.
    const chief = page('白沙镇镇长，白沙镇.', {
      title: '郑志强（白沙镇镇长）',
      name: '郑志强',
      terms: '志强 强 zhengzhiqiang zzq',
    });
    expect(hasLongWords('志愿者')).toBe(true);
    expect(foundByWords('志愿者', chief)).toBe(false);
    expect(foundByWords('志愿者', page('招募河湖保护志愿者。'))).toBe(true);
    // Pagefind finds 采砂场 in 采砂 when no word starts with 采砂场.
    expect(foundByWords('采砂场', page('夜间非法采砂'))).toBe(true);
  });

  it('keeps a page that holds one of the longer words, and every page for a query of one-character words', () => {
    expect(foundByWords('白沙河 火星', page('', { name: '白沙河' }))).toBe(true);
    expect(hasLongWords('镜')).toBe(false);
    expect(foundByWords('镜', page('杏林村'))).toBe(true);
    expect(hasLongWords('baishahe')).toBe(false);
    expect(foundByWords('baishahe', page('杏林村'))).toBe(true);
  });

  it('reads text across the zero-width spaces Pagefind puts between Chinese words', () => {
    expect(foundByWords('志愿者', page('招募\u200b志愿\u200b者'))).toBe(true);
  });

  it('knows a page by its own name, its full pinyin and its initials, not by a part of it', () => {
    const meta = { name: '白沙河', terms: '沙河 河 baishahe bsh' };
    expect(isOwnName(' 白沙河 ', meta)).toBe(true);
    expect(isOwnName('BaiShaHe', meta)).toBe(true);
    expect(isOwnName('bsh', meta)).toBe(true);
    expect(isOwnName('沙河', meta)).toBe(false);
    expect(isOwnName('白沙河河口', meta)).toBe(false);
    expect(isOwnName('白沙河', { title: '白沙河' })).toBe(false);
  });

  it('moves the pages whose own name is the query first and keeps the order of the rest', () => {
    const results = [
      { url: '/stations/a/', meta: { name: '白沙河河口' } },
      { url: '/cases/b/', meta: { title: '白沙河采砂' } },
      { url: '/waters/baisha-he/', meta: { name: '白沙河' } },
      { url: '/stations/c/', meta: { name: '桃源河入白沙河口' } },
    ];
    expect(ownNameFirst('白沙河', results).map((r) => r.url)).toEqual([
      '/waters/baisha-he/',
      '/stations/a/',
      '/cases/b/',
      '/stations/c/',
    ]);
    expect(ownNameFirst('清溪河', results).map((r) => r.url)).toEqual(results.map((r) => r.url));
  });
});
