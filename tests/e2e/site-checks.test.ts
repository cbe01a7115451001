/**
 * Static checks of the built site (no browser), against SITE_DIST
 * (default the checkout's dist/):
 *
 * - every internal href/src/srcset/action/poster in every HTML page, every
 *   url() in the CSS and every import in the JS resolves to a file in dist
 *   (a directory means its index.html), and a #fragment into a page names
 *   an id (or <a name>) of that page; nothing the page loads itself (src,
 *   srcset, stylesheets, icons, CSS url()) is on another host;
 * - the HTML is valid by html-validate with .htmlvalidate.json at the repo
 *   root: the recommended preset, with two exceptions (JSON cannot hold
 *   comments, so the reasons are here):
 *   - tel-non-breaking ignores class "tel": src/components/Tel.astro gives
 *     every tel: link class "tel" with white-space: nowrap, so the number
 *     never wraps at its hyphen, and keeps the plain ASCII hyphen so that a
 *     copied number and a screen reader's reading are the real number
 *     (the rule wants U+2011 non-breaking hyphens in the text instead).
 * - budgets per page type (gzipped bytes: the HTML, and the CSS and JS the
 *   page loads before any interaction, as scripts/bench/measure.ts counts
 *   them), see BUDGET below;
 * - every <img> has width and height (no layout shift), and no image file
 *   is larger than IMAGE_MAX bytes.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { assetBytes, pageTypeReport } from '../../scripts/bench/measure.ts';
import { siteDist } from '../helpers/site.ts';
import { pagesOfEveryType } from '../helpers/pages.ts';

const dist = siteDist();
const ROOT = join(import.meta.dirname, '..', '..');

/** Every file under dir, as paths relative to dist with forward slashes. */
function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(relative(dist, p).split('\\').join('/'));
  }
  return out;
}
const files = walk(dist);
const htmlFiles = files.filter((f) => f.endsWith('.html'));

/** The site's public address (canonical links and the feed use it): links to it are internal. */
const siteOrigin = (() => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const m = /<link rel="canonical" href="([^"]+)"/.exec(html);
  return m ? new URL(m[1]!).origin : null;
})();
const BASE = 'http://site.invalid';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? all;
  });

/** The page's markup without script bodies and comments (their text is not markup). */
const markup = (html: string) =>
  html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');

interface Ref {
  attr: string;
  tag: string;
  value: string;
  /** The tag is a stylesheet/icon link or the attribute loads something (src, srcset…). */
  loads: boolean;
}

function refs(html: string): Ref[] {
  const out: Ref[] = [];
  for (const t of markup(html).matchAll(/<([a-zA-Z][\w:-]*)(\s[^>]*)?>/g)) {
    const tag = t[1]!.toLowerCase();
    const attrs = t[2] ?? '';
    const rel = /\srel="([^"]*)"/.exec(attrs)?.[1] ?? '';
    for (const a of attrs.matchAll(
      /\s(href|src|srcset|action|poster|data|xlink:href|formaction)=(?:"([^"]*)"|'([^']*)')/gi,
    )) {
      const attr = a[1]!.toLowerCase();
      const value = decode(a[2] ?? a[3] ?? '');
      const loads =
        attr !== 'href' && attr !== 'action' && attr !== 'formaction'
          ? true
          : tag === 'link' && /\b(stylesheet|icon|preload|modulepreload|manifest)\b/.test(rel);
      if (attr === 'srcset') {
        for (const part of value.split(',')) {
          const url = part.trim().split(/\s+/)[0];
          if (url) out.push({ attr, tag, value: url, loads });
        }
      } else out.push({ attr, tag, value, loads });
    }
  }
  return out;
}

/** The ids (and <a name>s) of a page, memoised. */
const idCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set<string>();
    for (const m of markup(readFileSync(join(dist, file), 'utf8')).matchAll(/\s(?:id|name)="([^"]*)"/g))
      ids.add(decode(m[1]!));
    idCache.set(file, ids);
  }
  return ids;
}

/** The file in dist a site path names, or null. */
function target(pathname: string): string | null {
  let p = decodeURIComponent(pathname).replace(/^\/+/, '');
  if (p === '' || p.endsWith('/')) p += 'index.html';
  const full = join(dist, p);
  if (!existsSync(full)) return null;
  if (statSync(full).isDirectory()) return existsSync(join(full, 'index.html')) ? `${p}/index.html` : null;
  return p;
}

type Problem = string;

/** Check one reference from `from` (a dist path; its URL is the page's address). */
function check(from: string, fromUrl: string, r: Ref, problems: Problem[]) {
  const v = r.value.trim();
  if (v === '' && r.attr !== 'action') return (problems.push(`${from}: empty ${r.attr} on <${r.tag}>`), undefined);
  if (/^(mailto|tel|sms):/i.test(v)) return;
  if (/^(data|blob):/i.test(v)) return;
  if (/^javascript:/i.test(v)) return (problems.push(`${from}: javascript: URL in ${r.attr}`), undefined);
  let url: URL;
  try {
    url = new URL(v, fromUrl);
  } catch {
    return (problems.push(`${from}: unparsable ${r.attr}="${v}"`), undefined);
  }
  const internal = url.origin === BASE || (siteOrigin !== null && url.origin === siteOrigin);
  if (!internal) {
    if (r.loads) problems.push(`${from}: <${r.tag} ${r.attr}> loads from another host: ${v}`);
    return; // an outbound link is allowed
  }
  if (r.attr === 'action' && v === '') return; // posts to the page itself
  const file = target(url.pathname);
  if (!file) return (problems.push(`${from}: ${r.attr}="${v}" → ${url.pathname} is not in the build`), undefined);
  const frag = url.hash.slice(1);
  if (frag && file.endsWith('.html') && frag !== 'top' && !idsOf(file).has(decodeURIComponent(frag))) {
    problems.push(`${from}: ${r.attr}="${v}" → no id "${decodeURIComponent(frag)}" in ${file}`);
  }
}

/** The address a page is served at (dist/a/b/index.html → /a/b/). */
const pageUrl = (file: string) => `${BASE}/${file.replace(/(^|\/)index\.html$/, '$1')}`;

describe('links and assets of the built site', () => {
  it('has pages to check', () => {
    expect(htmlFiles.length).toBeGreaterThan(20);
  });

  it('every internal href/src/srcset/action in every page resolves, fragments included', () => {
    const problems: Problem[] = [];
    for (const f of htmlFiles) {
      const html = readFileSync(join(dist, f), 'utf8');
      for (const r of refs(html)) check(f, pageUrl(f), r, problems);
    }
    expect(problems.slice(0, 40), `${problems.length} broken references`).toEqual([]);
  });

  it('every url() in the CSS and every import in the JS resolves', () => {
    const problems: Problem[] = [];
    for (const f of files.filter((x) => x.endsWith('.css') && !x.startsWith('pagefind/'))) {
      const css = readFileSync(join(dist, f), 'utf8');
      for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))\s*\)/g)) {
        check(
          f,
          `${BASE}/${f}`,
          { attr: 'url()', tag: 'css', value: m[1] ?? m[2] ?? m[3] ?? '', loads: true },
          problems,
        );
      }
    }
    for (const f of files.filter((x) => x.startsWith('_astro/') && x.endsWith('.js'))) {
      const js = readFileSync(join(dist, f), 'utf8');
      const specs = [
        ...js.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g),
        ...js.matchAll(/\bimport\(\s*["'`]([^"'`$]+)["'`]\s*\)/g),
      ].map((m) => m[1]!);
      for (const s of specs) {
        if (!s.startsWith('/') && !s.startsWith('.')) problems.push(`${f}: bare or remote import "${s}"`);
        else check(f, `${BASE}/${f}`, { attr: 'import', tag: 'js', value: s, loads: true }, problems);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the site's stylesheets write media queries that older phone browsers read (min-width, not width>=)", () => {
    // Phones on older WebView/X5 engines ignore the range form and would get
    // the wrong layout; astro.config.mjs sets vite.build.cssTarget for this.
    const ranged = files
      .filter((f) => f.startsWith('_astro/') && f.endsWith('.css'))
      .flatMap((f) =>
        [...readFileSync(join(dist, f), 'utf8').matchAll(/@media[^{]*\((?:width|height)\s*[<>]=?[^)]*\)/g)].map(
          (m) => `${f}: ${m[0]}`,
        ),
      );
    expect(ranged).toEqual([]);
  });

  it('the subject pages named in /data/inspections.json exist', () => {
    const file = join(dist, 'data', 'inspections.json');
    if (!existsSync(file)) return;
    const problems: Problem[] = [];
    for (const r of JSON.parse(readFileSync(file, 'utf8')) as { id: string; subject_url: string | null }[]) {
      if (r.subject_url !== null)
        check(
          `data/inspections.json ${r.id}`,
          `${BASE}/data/inspections.json`,
          { attr: 'subject_url', tag: 'json', value: r.subject_url, loads: false },
          problems,
        );
    }
    expect(problems).toEqual([]);
  });

  it('every page can be reached by following links from the home page', () => {
    // A page no link leads to is found only by search engines and guessing
    // (the patrol overview and the county page were such pages). Forms
    // count as links (the search page is reached by the header's search
    // box); 404.html is reached by error.
    const seen = new Set<string>(['index.html']);
    const queue = ['index.html'];
    while (queue.length) {
      const f = queue.pop()!;
      for (const r of refs(readFileSync(join(dist, f), 'utf8'))) {
        if (!(r.tag === 'a' && r.attr === 'href') && !(r.tag === 'form' && r.attr === 'action')) continue;
        let url: URL;
        try {
          url = new URL(r.value.trim(), pageUrl(f));
        } catch {
          continue;
        }
        if (url.origin !== BASE) continue;
        const t = target(url.pathname);
        if (t && t.endsWith('.html') && !seen.has(t)) {
          seen.add(t);
          queue.push(t);
        }
      }
    }
    const orphans = htmlFiles.filter((f) => !seen.has(f) && f !== '404.html');
    expect(orphans.slice(0, 20), `${orphans.length} pages no link leads to`).toEqual([]);
  });

  it('the feed links to pages that exist', () => {
    const feed = join(dist, 'feed.xml');
    if (!existsSync(feed)) return;
    const problems: Problem[] = [];
    for (const m of readFileSync(feed, 'utf8').matchAll(/<link[^>]*href="([^"]+)"/g)) {
      check(
        'feed.xml',
        `${BASE}/feed.xml`,
        { attr: 'href', tag: 'link', value: decode(m[1]!), loads: false },
        problems,
      );
    }
    expect(problems).toEqual([]);
  });
});

describe('HTML validity (html-validate, .htmlvalidate.json)', () => {
  it('every page of the site is valid', async () => {
    const config = JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8')) as object;
    const hv = new HtmlValidate(config);
    const report = await hv.validateMultipleFiles(htmlFiles.map((f) => join(dist, f)));
    const messages = report.results.flatMap((r) =>
      r.messages.map(
        (m) =>
          `${relative(dist, r.filePath)}:${m.line}:${m.column} [${m.ruleId}] ${m.message}${m.selector ? ` (${m.selector})` : ''}`,
      ),
    );
    expect(messages.slice(0, 40), `${report.errorCount} errors, ${report.warningCount} warnings`).toEqual([]);
  }, 300_000);
});

/**
 * Budgets in gzipped bytes, measured on the bundled sample (small county).
 * - HTML 30 KB: the biggest sample page (a station with 5 years of monthly
 *   readings in tables) is about 11 KB.
 * - CSS 10 KB: one site stylesheet plus the page's component styles.
 * - JS 5 KB before any interaction on every page except the report form;
 *   charts (Chart.js) and search (Pagefind) are loaded with import() only
 *   when a chart scrolls into view or a search runs: their on-demand code
 *   has its own budgets below.
 * - The report form (validation, draft, photos, channels) 25 KB.
 */
const KB = 1024;
const BUDGET = {
  html: 30 * KB,
  css: 10 * KB,
  js: 5 * KB,
  reportJs: 25 * KB,
  /** The lazily loaded chart module (Chart.js tree-shaken) and everything it imports. */
  chartsOnDemand: 70 * KB,
  /** pagefind.js, its WebAssembly and worker, loaded by the search page on first search. */
  searchOnDemand: 120 * KB,
};
const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

describe('budgets per page type (gzipped)', () => {
  const pages = pagesOfEveryType(dist);
  const fileOf = (path: string) => join(dist, path.split('?')[0]!, path.endsWith('.html') ? '' : 'index.html');

  it('measure.ts page types are within the HTML, CSS and JS budgets', () => {
    const report = pageTypeReport(dist);
    expect(report.length).toBeGreaterThan(5);
    const over: string[] = [];
    for (const t of report) {
      if (t.htmlMax > BUDGET.html) over.push(`${t.type}: HTML ${t.htmlMax} B > ${BUDGET.html}`);
      if (t.css > BUDGET.css) over.push(`${t.type}: CSS ${t.css} B > ${BUDGET.css}`);
      const js = t.type === 'report' ? BUDGET.reportJs : BUDGET.js;
      if (t.js > js) over.push(`${t.type}: JS ${t.js} B > ${js}`);
    }
    console.table(report);
    expect(over).toEqual([]);
  });

  it.each(pages.map((p) => [p.type, p] as const))('%s page is within budget', (_type, p) => {
    const html = readFileSync(fileOf(p.path), 'utf8');
    const { css, js } = assetBytes(dist, html);
    expect(gz(html), 'HTML gz').toBeLessThanOrEqual(BUDGET.html);
    expect(css, 'CSS gz').toBeLessThanOrEqual(BUDGET.css);
    expect(js, 'JS gz').toBeLessThanOrEqual(p.heavy === 'report' ? BUDGET.reportJs : BUDGET.js);
  });

  it('the on-demand chart and search code is within budget', () => {
    // Chart code: every _astro chunk that no page loads before interaction.
    const initial = new Set<string>();
    for (const f of htmlFiles) {
      for (const m of readFileSync(join(dist, f), 'utf8').matchAll(/<script[^>]+src="\/(_astro\/[^"]+)"/g))
        initial.add(m[1]!);
    }
    const lazy = files.filter((f) => f.startsWith('_astro/') && f.endsWith('.js') && !initial.has(f));
    const lazyBytes = lazy.reduce((n, f) => n + gz(readFileSync(join(dist, f))), 0);
    expect(lazyBytes, `on-demand chunks ${lazy.join(', ')}`).toBeLessThanOrEqual(BUDGET.chartsOnDemand);
    const pf = [
      'pagefind/pagefind.js',
      'pagefind/pagefind-worker.js',
      ...files.filter((f) => /^pagefind\/wasm\.[^/]+\.pagefind$/.test(f) && f.includes('unknown')),
    ];
    const pfBytes = pf
      .filter((f) => existsSync(join(dist, f)))
      .reduce((n, f) => n + gz(readFileSync(join(dist, f))), 0);
    expect(pfBytes).toBeLessThanOrEqual(BUDGET.searchOnDemand);
  });
});

/** No image file may be bigger than this (photos must be resized before they go into the data folder). */
const IMAGE_MAX = 300 * KB;

describe('images', () => {
  it('every <img> has width and height', () => {
    const problems: string[] = [];
    for (const f of htmlFiles) {
      for (const m of markup(readFileSync(join(dist, f), 'utf8')).matchAll(/<img\b[^>]*>/gi)) {
        const tag = m[0];
        if (!/\swidth="\d+"/.test(tag) || !/\sheight="\d+"/.test(tag)) problems.push(`${f}: ${tag.slice(0, 120)}`);
      }
    }
    expect(problems.slice(0, 20), `${problems.length} images without width and height`).toEqual([]);
  });

  it(`no image file is larger than ${IMAGE_MAX / KB} KB`, () => {
    const big = files
      .filter((f) => /\.(png|jpe?g|gif|webp|avif|svg)$/i.test(f))
      .map((f) => ({ f, n: statSync(join(dist, f)).size }))
      .filter(({ n }) => n > IMAGE_MAX)
      .map(({ f, n }) => `${f}: ${n} B`);
    expect(big).toEqual([]);
  });
});
