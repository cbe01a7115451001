/**
 * The service worker's precache list, computed at build time from the
 * built HTML (src/loader/service-worker.ts), so the hashed file names under
 * /_astro/ are the ones of this build. Pure: the caller reads the files.
 *
 * A page needs its stylesheets, its module scripts and what those import
 * (Astro splits shared code into chunks that entry scripts import by a
 * relative path), its icon, and the files its scripts fetch by a URL the
 * markup names in a `data-…-url` attribute (the report form's list of
 * waters).
 */

/** The site paths (same origin, absolute: `/…`) that one page's HTML loads. */
export function pageAssets(html: string): string[] {
  const out = new Set<string>();
  const add = (url: string | undefined) => {
    if (url && url.startsWith('/') && !url.startsWith('//')) out.add(url.split('#')[0]!);
  };
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = /\brel="([^"]+)"/.exec(m[0])?.[1] ?? '';
    if (/\b(stylesheet|icon|modulepreload|manifest)\b/.test(rel)) add(/\bhref="([^"]+)"/.exec(m[0])?.[1]);
  }
  for (const m of html.matchAll(/\bdata-[a-z-]+-url="([^"]+)"/g)) add(m[1]);
  return [...out];
}

/** The modules a built module imports, statically or dynamically, as site paths. */
export function moduleImports(code: string, moduleUrl: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/\b(?:from|import)\s*\(?\s*["']([^"']+\.m?js)["']/g)) {
    const spec = m[1]!;
    if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
    out.add(new URL(spec, new URL(moduleUrl, 'https://site.invalid')).pathname);
  }
  return [...out];
}

/**
 * Every path the given pages need, pages first, then their assets and the
 * modules those import, transitively, sorted. `read` gives a built file's
 * text by its path, or null when the build has no such file (then it is
 * left out: the worker would fail to install on a missing file).
 */
export function precachePaths(pages: readonly string[], read: (path: string) => string | null): string[] {
  const found = new Set<string>();
  const queue: string[] = [];
  const visit = (path: string) => {
    if (found.has(path) || read(path) === null) return;
    found.add(path);
    queue.push(path);
  };
  for (const page of pages) visit(page);
  while (queue.length) {
    const path = queue.shift()!;
    const text = read(path)!;
    if (path.endsWith('/')) pageAssets(text).forEach(visit);
    else if (/\.m?js$/.test(path)) moduleImports(text, path).forEach(visit);
  }
  return [...found].sort();
}
