/**
 * The part of a built page that goes into the search index: the elements
 * marked data-pagefind-body, wrapped in a minimal zh-CN document. Pure string
 * work on Astro's own output (no HTML parser), so reading a city's pages
 * stays fast; returns null for pages with nothing to index.
 */
const MARK = 'data-pagefind-body';

/** The element that starts at `start` (its tag name read there), up to its matching close tag. */
function elementAt(html: string, start: number): string {
  const tag = /^<([a-zA-Z][\w-]*)/.exec(html.slice(start, start + 40))?.[1];
  if (!tag) return '';
  const open = new RegExp(`<${tag}[\\s>]|</${tag}>`, 'g');
  open.lastIndex = start + 1;
  let depth = 1;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  return html.slice(start);
}

export function extractIndexed(html: string): string | null {
  const parts: string[] = [];
  let from = 0;
  for (let i = html.indexOf(MARK, from); i >= 0; i = html.indexOf(MARK, from)) {
    const start = html.lastIndexOf('<', i);
    const el = elementAt(html, start);
    if (!el) break;
    parts.push(el);
    from = start + el.length;
  }
  if (parts.length === 0) return null;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>${parts.join('\n')}</body></html>`;
}
