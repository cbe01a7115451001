/**
 * A site published under a path (site.yaml url https://hzz.example.org/hzz/,
 * docs/deploy.md "Publishing under a path"): the sample is built once with
 * that url and served under /hzz/ only, nothing at the host's root, as on a
 * government portal where the river-chief site is one folder of many.
 *
 * The copy has 400 more village ponds than the sample, so that the site
 * takes its city-scale forms too: the directory pages by letter and a
 * report form that fetches its list of waters instead of inlining it. Two
 * policy documents (one Markdown, one MDX) gain a root-relative link, as an
 * office writes one.
 *
 * Every link and asset of every built page, and every URL of the open
 * data's index, must stay under /hzz/ and be served; search, the signs' QR
 * codes, the feeds and calendar, the report form and the service worker
 * work there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild, cleanupTemp, listFiles, ROOT, runNpx, tempDir } from '../helpers/fixtures.ts';
import { openSite, type Session } from '../helpers/browser.ts';
import { decodeQr } from '../helpers/qr.ts';

const BASE = '/hzz/';
const SITE = 'https://hzz.example.org/hzz/';
const HOST = 'hzz.example.org';

let out: string;
let s: Session;

/** The sample with url under /hzz/, 400 more ponds and two documents with a root-relative link. */
function data(): string {
  const dir = join(tempDir('base-path-'), 'data');
  cpSync(join(ROOT, 'src/content'), dir, { recursive: true });
  const yaml = readFileSync(join(dir, 'site.yaml'), 'utf8');
  if (!/^url: https:\/\/hzz\.example\.org\/$/m.test(yaml)) throw new Error('sample site.yaml: no url line to replace');
  writeFileSync(join(dir, 'site.yaml'), yaml.replace(/^url: .*$/m, `url: ${SITE}`));
  const initials = '安白长大东方高古和黄金林龙马南青山石桃文西小杏新杨竹';
  const ponds = Array.from(
    { length: 400 },
    (_, i) =>
      `shantang-${String(i + 1).padStart(3, '0')},${initials[i % initials.length]}家${i + 1}号山塘,pond,,village,990104000000;990104003000,,0.01,IV,,,,\n`,
  );
  appendFileSync(join(dir, 'waters.csv'), ponds.join(''));
  for (const doc of ['tongbao-2026-q3.md', 'gongzuo-fangan-2025.mdx'])
    appendFileSync(join(dir, 'documents', doc), '\n整改进展见[问题台账](/cases/)。\n');
  return dir;
}

beforeAll(async () => {
  const built = await astroBuild(data());
  if (built.code !== 0) throw new Error(`build under /hzz/ failed:\n${built.output.slice(-3000)}`);
  const indexed = await runNpx(['node', 'scripts/search-index.ts', built.outDir], { RIVER_CACHE_DIR: built.cacheDir });
  if (indexed.code !== 0) throw new Error(`search index failed:\n${indexed.output.slice(-3000)}`);
  out = built.outDir;
  s = await openSite(out, { base: BASE });
}, 300_000);

afterAll(async () => {
  await s?.close();
  cleanupTemp();
});

const decode = (v: string) =>
  v.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<');

/** The URLs an HTML page names: links, sources, form actions, srcset, data-…-url, and URL-like meta content. */
function urlsOfHtml(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/\s(href|src|action|poster|data-[a-z-]*(?:url|src)|content)="([^"]*)"/g)) {
    const v = decode(m[2]!);
    if (m[1] === 'content' && !/^(https?:|\/)/.test(v)) continue;
    urls.push(v);
  }
  for (const m of html.matchAll(/\ssrcset="([^"]*)"/g))
    for (const part of decode(m[1]!).split(',')) urls.push(part.trim().split(/\s+/)[0]!);
  return urls.filter(Boolean);
}

/** The URLs a stylesheet names in url(). */
const urlsOfCss = (css: string) =>
  [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]!).filter((u) => !u.startsWith('data:'));

/**
 * What is wrong with one URL found at `from` (a URL path on the test server):
 * a path outside /hzz/, or an address of the site's own host outside it.
 * Returns the path to fetch when it is the site's, null when it is elsewhere.
 */
function check(url: string, from: string, problem: (what: string) => void): string | null {
  if (/^(#|mailto:|tel:|sms:|data:|javascript:|blob:)/i.test(url)) return null;
  const abs = new URL(url, new URL(from, s.server.origin));
  if (abs.host === HOST) {
    if (!abs.href.startsWith(SITE)) problem(`${url} leaves ${SITE}`);
    return abs.href.startsWith(SITE) ? abs.pathname : null;
  }
  if (abs.origin !== s.server.origin) return null; // another site
  if (!abs.pathname.startsWith(BASE)) {
    problem(`${url} leaves ${BASE}`);
    return null;
  }
  return abs.pathname;
}

describe('a site published under /hzz/', () => {
  it('has every link and asset of every page, stylesheet and the open-data index under /hzz/, and each is served', async () => {
    const found = new Map<string, string[]>(); // problem → the pages naming it
    const targets = new Map<string, string>(); // path → where it was first found
    const add = (url: string, from: string) => {
      const path = check(url, from, (what) => found.set(what, [...(found.get(what) ?? []), from]));
      if (path && !targets.has(path)) targets.set(path, `${from} (${url})`);
    };
    const files = listFiles(out);
    let pages = 0;
    for (const f of files) {
      if (f.endsWith('.html')) {
        pages++;
        const from = BASE + f.replace(/(^|\/)index\.html$/, '$1');
        for (const u of urlsOfHtml(readFileSync(join(out, f), 'utf8'))) add(u, from);
      } else if (f.endsWith('.css')) {
        for (const u of urlsOfCss(readFileSync(join(out, f), 'utf8'))) add(u, BASE + f);
      }
    }
    const index = JSON.parse(readFileSync(join(out, 'data/index.json'), 'utf8')) as {
      url: string;
      datasets: { json: string; csv: string }[];
      schemas: { url: string }[];
    };
    expect(index.url).toBe(SITE);
    for (const ds of index.datasets) for (const u of [ds.json, ds.csv]) add(u, `${BASE}data/index.json`);
    for (const sc of index.schemas) add(sc.url, `${BASE}data/index.json`);

    expect(pages).toBeGreaterThan(1000);
    expect(targets.size).toBeGreaterThan(1500);
    // The policy documents' own root-relative link went under the base too.
    expect(readFileSync(join(out, 'documents/tongbao-2026-q3/index.html'), 'utf8')).toContain('href="/hzz/cases/"');
    expect(readFileSync(join(out, 'documents/gongzuo-fangan-2025/index.html'), 'utf8')).toContain('href="/hzz/cases/"');

    const missing: string[] = [];
    const queue = [...targets];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const [path, from] = next;
          const res = await fetch(new URL(path, s.server.origin), { method: 'HEAD' });
          if (res.status !== 200) missing.push(`${path} (${res.status}), named by ${from}`);
        }
      }),
    );
    const problems = [...found].map(([what, pages]) => `${what}: on ${pages.length} page(s), e.g. ${pages[0]}`);
    expect(problems).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('serves nothing at the root of the host (the check above would see a link that only works there)', async () => {
    expect((await fetch(new URL('/waters/', s.server.origin))).status).toBe(404);
    expect((await fetch(new URL('/hzz/waters/', s.server.origin))).status).toBe(200);
  });

  it('finds a water by search and opens it under /hzz/', async () => {
    const page = await (await s.context()).newPage();
    await page.goto(s.url(`${BASE}search/?q=${encodeURIComponent('清溪河')}`));
    await page.waitForFunction(
      () => /找到|没有找到/.test(document.querySelector('[data-status]')?.textContent ?? ''),
      null,
      { timeout: 20_000 },
    );
    const hrefs = await page
      .locator('[data-results] li a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(new URL(h).pathname.startsWith(BASE), h).toBe(true);
    const link = page.locator('[data-results] li a', { hasText: '清溪河' }).first();
    const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname.startsWith(`${BASE}waters/`)).toBe(true);
    expect(await page.locator('h1').innerText()).toContain('清溪河');
  });

  it("prints signs whose QR code opens the segment's landing under https://hzz.example.org/hzz/", async () => {
    const page = await (await s.context()).newPage();
    await page.goto(s.url(`${BASE}waters/qingxi-he/sign/`));
    expect(await decodeQr(page.locator('#sign-qingxi-he .qr'))).toBe(`${SITE}waters/qingxi-he/`);
    const decoded = await decodeQr(page.locator('#sign-qingxi-he-baisha .qr'));
    expect(decoded).toBe(`${SITE}waters/qingxi-he/?seg=qingxi-he-baisha`);
    // The phone's camera opens that address; here it is served locally. The
    // landing is shown by a script from public/, which must load under /hzz/.
    const { pathname, search } = new URL(decoded!);
    await page.goto(s.url(pathname + search));
    await expect.poll(() => page.locator('.landing[data-seg="qingxi-he-baisha"]').isVisible()).toBe(true);
  });

  it('has feeds and a calendar whose links are under https://hzz.example.org/hzz/, with the entry ids unchanged', async () => {
    for (const path of ['feed.xml', 'waters/qingxi-he/feed.xml']) {
      const xml = await (await fetch(new URL(`${BASE}${path}`, s.server.origin))).text();
      const links = [...xml.matchAll(/<link [^>]*href="([^"]+)"/g)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThan(2);
      for (const l of links) expect(l.startsWith(SITE), `${path}: ${l}`).toBe(true);
      expect(xml).toContain(`<id>${SITE}${path}</id>`);
      const ids = [...xml.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]!);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(id.startsWith(`tag:${HOST},`), id).toBe(true);
    }
    const ics = (await (await fetch(new URL(`${BASE}calendar.ics`, s.server.origin))).text()).replace(/\r\n[ \t]/g, '');
    const urls = [...ics.matchAll(/^URL[^:]*:(.*)$/gm)].map((m) => m[1]!.trim());
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u.startsWith(SITE), u).toBe(true);
  });

  it('has a report form that fetches its list of waters from under /hzz/', async () => {
    const page = await (await s.context()).newPage();
    const fetched: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/waters.json')) fetched.push(`${new URL(r.url()).pathname} ${r.status()}`);
    });
    await page.goto(s.url(`${BASE}report/`));
    await page.waitForFunction(() => customElements.get('report-form') !== undefined);
    await page.fill('#r-water', '清溪');
    await expect.poll(() => page.locator('#r-water-list li', { hasText: '清溪河' }).count()).toBeGreaterThan(0);
    expect(fetched).toEqual([`${BASE}report/waters.json 200`]);
  });

  it('registers its service worker under /hzz/, with /hzz/ as its scope', async () => {
    const page = await (await s.context()).newPage();
    await page.goto(s.url(`${BASE}report/`));
    const reg = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      return { scope: r.scope, script: r.active?.scriptURL ?? '' };
    });
    expect(reg.scope).toBe(new URL(BASE, s.server.origin).href);
    expect(reg.script).toBe(new URL(`${BASE}sw.js`, s.server.origin).href);
  });

  it('names paths under /hzz/ in _headers', () => {
    const rules = readFileSync(join(out, '_headers'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('/'));
    expect(rules).toEqual([`${BASE}*`, `${BASE}cases/media/*`, `${BASE}sw.js`]);
  });
});
