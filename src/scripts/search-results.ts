/**
 * What the search page does with Pagefind's results before showing them:
 * the ranking weights of the name fields, dropping pages found only through
 * single characters of a longer word, and putting the page whose own name
 * is the query first. Pure functions (no DOM), unit-tested; see
 * src/lib/search.ts for what the index holds and why.
 */

/**
 * `ranking.metaWeights` for Pagefind (`title` keeps its default of 5). A
 * page's own name (`name`) and its suffixes and pinyin (`terms`) outweigh
 * the words of any page's text, so the pages whose names hold the whole
 * query come first; `related` (a water's chiefs, a case's water) counts as
 * text does.
 */
export const META_WEIGHTS = { name: 10, terms: 10, related: 1 };

/** What a result's data gives these rules: Pagefind's `content` (the indexed text) and the metadata. */
export interface ResultText {
  content: string;
  meta: Record<string, string | undefined>;
}

const HAN = /\p{Script=Han}/u;
let segmenter: Intl.Segmenter | null | undefined;

/** The query's words as the browser cuts them, which is how Pagefind searches them. */
export function queryWords(q: string): string[] {
  segmenter ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : null;
  if (!segmenter) return q.split(/\s+/).filter(Boolean);
  return [...segmenter.segment(q)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** A query's Chinese words of two or more characters (志愿者 → 志愿). */
function longWords(q: string): string[] {
  return queryWords(q).filter((w) => HAN.test(w) && [...w].length >= 2);
}

/** Whether a query needs `foundByWords`: only one with a Chinese word of two or more characters. */
export function hasLongWords(q: string): boolean {
  return longWords(q).length > 0;
}

/**
 * Whether a result holds at least one of the query's Chinese words of two
 * or more characters, or its first two characters (Pagefind finds 采砂场 in
 * 采砂 when nothing starts with 采砂场).
 *
 * Why: a query word that starts no indexed word falls back to the longest
 * indexed word it starts with, which can be one character: 志愿 falls back
 * to 志 wherever jieba cut a name into characters (郑志强 → 郑 | 志 | 强),
 * and "志愿者" then finds people called 某志某. Names are kept whole in the
 * index (src/lib/search.ts), but a single character can still come from any
 * text; a page found only through such characters is not what was asked for.
 * A query made of one-character words (镜湖 → 镜 | 湖, 郑志强 → 郑 | 志 | 强)
 * keeps every result.
 */
export function foundByWords(q: string, result: ResultText): boolean {
  const words = longWords(q);
  if (!words.length) return true;
  const text = [result.content, ...Object.values(result.meta)].join('').replace(/[\s\u200b]+/g, '');
  return words.some((w) => text.includes([...w].slice(0, 2).join('')));
}

const normalise = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** Whether the query is the page's own name, or its full pinyin or initials. */
export function isOwnName(q: string, meta: ResultText['meta']): boolean {
  const n = normalise(q);
  if (!n) return false;
  if (meta.name && normalise(meta.name) === n) return true;
  return /^[a-z0-9]+$/.test(n) && (meta.terms ?? '').split(' ').includes(n);
}

/**
 * The results with the pages whose own name the query is moved first, the
 * rest in Pagefind's order. Pagefind cannot tell 白沙河 from 白沙河河口 for
 * the query 白沙河: the browser cuts it into 白 | 沙河, and both names hold
 * both words, so its score ties them and the shorter text wins. Comparing
 * the whole query with the name, here, is exact whatever the cut.
 */
export function ownNameFirst<T extends { meta: ResultText['meta'] }>(q: string, results: readonly T[]): T[] {
  const own = results.filter((r) => isOwnName(q, r.meta));
  return [...own, ...results.filter((r) => !own.includes(r))];
}
