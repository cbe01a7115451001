/**
 * Pinyin of names, for the A–Z index of the directory and the hidden search
 * terms ("dongxihe", "dxh"). pinyin-pro works offline from its own dictionary.
 */
import { pinyin } from 'pinyin-pro';

/**
 * A name's pinyin is asked for many times in a build: by the directory, by
 * the sort of a township's lists (twice per comparison), by the search entry
 * of its own page and of every page that names it. Each distinct name is
 * converted once; the cache holds one short string per name.
 */
function cached(cache: Map<string, string>, convert: (text: string) => string): (text: string) => string {
  return (text) => {
    let out = cache.get(text);
    if (out === undefined) cache.set(text, (out = convert(text)));
    return out;
  };
}

/** Full pinyin without tones or spaces: 东西河 → "dongxihe". */
export const fullPinyin: (text: string) => string = cached(new Map(), (text) =>
  pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase(),
);

/** Initials: 东西河 → "dxh". */
export const initials: (text: string) => string = cached(new Map(), (text) =>
  pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase(),
);

/** The A–Z letter a name is filed under ('#' when it starts with no letter). */
export function indexLetter(text: string): string {
  const c = initials(text).charAt(0).toUpperCase();
  return /[A-Z]/.test(c) ? c : '#';
}

/** Compare two Chinese names by pinyin, then by the characters. */
export function comparePinyin(a: string, b: string): number {
  return fullPinyin(a).localeCompare(fullPinyin(b)) || a.localeCompare(b);
}
