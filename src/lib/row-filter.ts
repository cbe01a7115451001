/**
 * How the in-page row filter (src/scripts/row-filter.ts) compares a row's
 * data-filter-* value with a choice, and words its count. Pure, so it is
 * unit tested without a browser.
 */

/** Lower case, no white space: how typed text and a row's words are compared. */
const fold = (s: string) => s.toLowerCase().replace(/\s+/g, '');

/**
 * Does a row's value match a choice?
 * - 'text': the typed text is inside one of the row's space-separated words
 *   (a name, its pinyin, its initials), so text never matches across two words;
 * - 'token': the row's space-separated list holds the choice (a water's townships);
 * - otherwise the value equals the choice.
 */
export function matchValue(how: string | undefined, rowValue: string, choice: string): boolean {
  if (how === 'text') {
    const q = fold(choice);
    return !q || rowValue.split(/\s+/).some((word) => fold(word).includes(q));
  }
  if (how === 'token') return rowValue.split(/\s+/).includes(choice);
  return rowValue === choice;
}

/** Fill a count wording: "显示 {shown} 个断面（共 {total} 个）". */
export function fillCount(template: string, shown: number, total: number): string {
  return template.replaceAll('{shown}', String(shown)).replaceAll('{total}', String(total));
}
