/**
 * What a page gives the search index (Pagefind): its type and township as
 * filters, a line of metadata for the result, and hidden terms (the pinyin
 * of names) so "dongxihe" and "dxh" find 东西河.
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
  /** Names whose pinyin should find the page. */
  names?: string[];
  /** A sentence or two that is searched and shown as the result's excerpt. */
  text?: string;
  /** Index the whole main content too (policy documents, whose text people search). */
  fullText?: boolean;
}

/** The hidden index terms of some names: full pinyin and initials, deduplicated. */
export function pinyinTerms(names: readonly string[]): string {
  const terms = new Set<string>();
  for (const n of names) {
    if (!/[\u4e00-\u9fff]/.test(n)) continue;
    terms.add(fullPinyin(n));
    terms.add(initials(n));
  }
  return [...terms].filter(Boolean).join(' ');
}

/**
 * The document the search index reads for one page: its title (weighted
 * above everything else), type and townships as filters and metadata, the
 * detail line, the text, and the pinyin terms; for policy documents also the
 * page's main content (`bodyHtml`, Astro's own rendered output). Text from
 * the data is escaped here.
 */
export function indexDocument(entry: SearchEntry, title: string, bodyHtml?: string): string {
  const x = escapeXml;
  const terms = pinyinTerms(entry.names ?? []);
  const parts = [
    `<p data-pagefind-meta="title" data-pagefind-weight="10">${x(title)}</p>`,
    `<span data-pagefind-filter="type" data-pagefind-meta="type">${x(SEARCH_TYPES[entry.type])}</span>`,
    ...(entry.townships ?? []).map((t) => `<span data-pagefind-filter="township">${x(t)}</span>`),
    entry.townships?.length ? `<span data-pagefind-meta="township">${x(entry.townships.join('、'))}</span>` : '',
    entry.detail ? `<p data-pagefind-meta="detail">${x(entry.detail)}</p>` : '',
    entry.text ? `<p>${x(entry.text)}</p>` : '',
    terms ? `<p data-pagefind-weight="5">${x(terms)}</p>` : '',
  ];
  const body = bodyHtml ? `<div data-pagefind-body>${bodyHtml}</div>` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><div data-pagefind-body>${parts.join('')}</div>${body}</body></html>`;
}
