/**
 * What a page gives the search index (Pagefind), and the rules the search
 * page applies to what Pagefind returns.
 *
 * How Pagefind 1.6 matches Chinese, which shapes everything here:
 * - Text inside `data-pagefind-body` is cut into words by a dictionary
 *   segmenter (jieba) when indexing. A name it does not know is cut into
 *   single characters: 郑志强 → 郑 | 志 | 强.
 * - The query is cut by the browser's `Intl.Segmenter`, which cuts
 *   differently: 白沙河 → 白 | 沙河, 志愿者 → 志愿 | 者.
 * - A query word matches every indexed word that starts with it; a query
 *   word that starts no indexed word falls back to the longest indexed word
 *   it starts with (志愿 → 志), and one that matches nothing is dropped. The
 *   pages that match all the remaining words are the results.
 * - Metadata (`data-pagefind-meta`) is searched too, but split only at
 *   spaces, never segmented; a field in which all the query's words match
 *   lifts the page by the weight set for that field (`metaWeights`).
 *
 * So names are kept out of the segmented text, where they would become
 * single characters that a longer word falls back to (志愿者 finding every
 * chief called 某志某), and go into metadata as every suffix of the name
 * (清溪河出境 溪河出境 河出境 出境 境): a query word matches an indexed word
 * that starts with it, so any piece of the name, however the browser cuts
 * the query, matches, and the whole query matches in that one field, which
 * puts the pages whose names hold the query at the top (the weights are set
 * by the search page: src/scripts/search-results.ts META_WEIGHTS). The
 * pinyin ("baishahe", "bsh") is metadata too, so it is searched but never
 * part of the text an excerpt is cut from. The page's body for the index is
 * only its title (without its name) and the visible sentence or two of
 * `text` (and a policy document's whole text), so every excerpt is text a
 * reader sees on the page.
 */
import { escapeXml } from './feed.ts';
import { fullPinyin, initials } from './pinyin.ts';

export const SEARCH_TYPES = {
  water: '河湖',
  chief: '河长',
  station: '监测断面',
  case: '问题',
  document: '政策文件',
  region: '乡镇',
} as const;
export type SearchType = keyof typeof SEARCH_TYPES;

export interface SearchEntry {
  type: SearchType;
  /** Township names the page belongs to (a filter). */
  townships?: string[];
  /** Shown under the result, e.g. "Ⅲ类" or "整改中". */
  detail?: string;
  /** The page's own name (a water's, a station's, a person's): found by any part of it and by its pinyin, and first for the exact name. */
  name?: string;
  /** Names of what the page is about (a water's chiefs, a case's water): found by any part of them and by their pinyin. */
  related?: string[];
  /** A sentence or two from the page that is searched and shown as the result's excerpt. Not names of people (see above). */
  text?: string;
  /** Index the whole main content too (policy documents, whose text people search). */
  fullText?: boolean;
}

const HAN = /\p{Script=Han}/u;

/** Every suffix of a Chinese name (清溪河 → 清溪河 溪河 河); other names as they are. Punctuation and spaces are left out, as Pagefind does. */
export function suffixes(name: string): string[] {
  const chars = [...name.replace(/[^\p{L}\p{N}]+/gu, '')];
  if (!chars.some((c) => HAN.test(c))) return chars.length ? [chars.join('')] : [];
  return chars.map((_, i) => chars.slice(i).join(''));
}

/** Full pinyin and initials of the Chinese names, deduplicated. */
export function pinyinTerms(names: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const n of names) {
    if (!HAN.test(n)) continue;
    terms.add(fullPinyin(n));
    terms.add(initials(n));
  }
  return [...terms].filter(Boolean);
}

/** The words one or more names are found by: their suffixes and pinyin, deduplicated. */
function nameTerms(names: readonly string[], skip: readonly string[] = []): string {
  const terms = new Set([...names.flatMap(suffixes), ...pinyinTerms(names)]);
  for (const s of skip) terms.delete(s);
  return [...terms].join(' ');
}

/**
 * The document the search index reads for one page: the title, type,
 * townships, detail and names as metadata and filters (set in attributes,
 * so none of it is in the text excerpts are cut from), and the title
 * without the page's name and `text` as the body; for policy documents
 * also the page's main content (`bodyHtml`, Astro's own rendered output).
 * Text from the data is escaped here.
 */
export function indexDocument(entry: SearchEntry, title: string, bodyHtml?: string): string {
  const x = escapeXml;
  const meta = (key: string, value: string | undefined) =>
    value ? `<span data-pagefind-meta="${key}:${x(value)}"></span>` : '';
  const filter = (key: string, value: string) => `<span data-pagefind-filter="${key}:${x(value)}"></span>`;
  const name = entry.name?.trim();
  // The title goes into the text too, for the words in it (a case's 采砂),
  // weighted as the page's heading is; but without the page's own name,
  // which the name fields hold whole, and not when the text already says it
  // (a chief's 职务) or the page's content, with its <h1>, is indexed.
  const rest = (name ? title.replace(name, '') : title).replace(/^[\s（(]+|[\s）)]+$/gu, '');
  const heading = rest && !bodyHtml && !entry.text?.includes(rest) ? rest : '';
  const text = entry.text || (heading || bodyHtml ? '' : entry.detail || title);
  const parts = [
    meta('title', title),
    filter('type', SEARCH_TYPES[entry.type]),
    meta('type', SEARCH_TYPES[entry.type]),
    ...(entry.townships ?? []).map((t) => filter('township', t)),
    meta('township', entry.townships?.join('、')),
    meta('detail', entry.detail),
    meta('name', name),
    name ? meta('terms', nameTerms([name], [name])) : '',
    meta('related', nameTerms((entry.related ?? []).filter((r) => r && r !== name))),
    heading ? `<p data-pagefind-weight="7">${x(heading)}</p>` : '',
    // Pagefind leaves out a page with no text at all.
    text ? `<p>${x(text)}</p>` : '',
  ];
  const body = bodyHtml ? `<div data-pagefind-body>${bodyHtml}</div>` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><div data-pagefind-body>${parts.join('')}</div>${body}</body></html>`;
}
