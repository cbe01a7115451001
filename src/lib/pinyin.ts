/**
 * Pinyin of names, for the A–Z index of the directory and the hidden search
 * terms ("dongxihe", "dxh"). pinyin-pro works offline from its own dictionary.
 */
import { pinyin } from 'pinyin-pro';

/** Full pinyin without tones or spaces: 东西河 → "dongxihe". */
export function fullPinyin(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').replace(/[^a-z0-9]/gi, '').toLowerCase();
}

/** Initials: 东西河 → "dxh". */
export function initials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').replace(/[^a-z0-9]/gi, '').toLowerCase();
}

/** The A–Z letter a name is filed under ('#' when it starts with no letter). */
export function indexLetter(text: string): string {
  const c = initials(text).charAt(0).toUpperCase();
  return /[A-Z]/.test(c) ? c : '#';
}

/** Compare two Chinese names by pinyin, then by the characters. */
export function comparePinyin(a: string, b: string): number {
  return fullPinyin(a).localeCompare(fullPinyin(b)) || a.localeCompare(b);
}
