/// <reference lib="webworker" />
/**
 * The site's service worker (/sw.js, scope /; under a base path /hzz/sw.js, scope /hzz/): the report form opens and
 * keeps its draft with no signal, and a report queued offline is sent when
 * the connection is back.
 *
 * Why hand-written and not Workbox: the site needs four things — a
 * precache of three pages and their assets, network-first pages and
 * cache-first hashed assets in a bounded cache, old caches dropped on a new
 * deploy, and Background Sync of a queue. Workbox (workbox-build to write
 * the manifest, workbox-precaching/-routing/-strategies/-expiration at
 * runtime) does the first three in more code than this file and adds its
 * build tool's dependency tree (workbox-build 7.4.1 pulls in Babel, Rollup
 * and their plugins; Astro's own Vite bundles this worker here) to a
 * project that keeps its dependencies few; its background-sync plugin replays raw requests from its own
 * IndexedDB queue, which cannot hand the receiver's 受理编号 back to the
 * page and does not know the receiver's 409 (the same reference holding
 * another report). The queue here is the page's own outbox
 * (src/scripts/report/outbox.ts), so the page, /track/ and this worker read
 * the same entries. The precache list comes from the built HTML
 * (src/loader/service-worker.ts), as workbox-build's would.
 *
 * Updates: every build that changes a precached file changes VERSION,
 * hence this file, so the browser installs the new worker; its caches are
 * named by VERSION and the old ones are deleted on activation. The new
 * worker takes over at once (skipWaiting) only when no window of the site
 * is on the report form; otherwise it waits until a page without the form
 * asks for it (src/scripts/sw-register.ts) or the form's tabs are closed,
 * so an open form never loses its scripts to a cache swap half-way.
 */
import { flushOutbox, OUTBOX_TAG } from '../scripts/report/outbox.ts';
import { pageAssets } from '../lib/sw-precache.ts';
import { joinBase, stripBase } from '../lib/base.ts';

declare const self: ServiceWorkerGlobalScope;
/** Written by the build: the paths to precache and a hash of their content. */
declare const __SW_PRECACHE__: string[];
declare const __SW_VERSION__: string;
/** The site's base path (`/`, or `/hzz/` for a site published under a path): the worker's scope. */
declare const __SW_BASE__: string;

/** A URL path as the site's code writes it (`/report/`), or null outside the site. */
const sitePath = (pathname: string) => stripBase(__SW_BASE__, pathname);

const VERSION = __SW_VERSION__;
const PREFIX = 'hz-';
const PRECACHE = `${PREFIX}precache-${VERSION}`;
const PAGES = `${PREFIX}pages-${VERSION}`;
const ASSETS = `${PREFIX}assets-${VERSION}`;
/** Pages a person visited, kept for offline reading; the oldest go first. */
const MAX_PAGES = 50;
/** Hashed assets of those pages. */
const MAX_ASSETS = 100;
/** The form's pages: never swap the worker under one of them. */
const FORM = /^\/report\/(named\/)?$/;
const isForm = (pathname: string) => FORM.test(sitePath(pathname) ?? '');

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PRECACHE);
      // cache: 'reload': from the server, not a stale HTTP cache entry of an older deploy.
      await cache.addAll(__SW_PRECACHE__.map((path) => new Request(path, { cache: 'reload' })));
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      // The page that registered this worker loaded before it: keep it too
      // (most visits start on a water's page from the sign's QR code).
      await Promise.all(windows.map((w) => keepPage(new URL(w.url)).catch(() => undefined)));
      await skipWaitingUnlessFormOpen();
    })(),
  );
});

/** Take over now unless a window of the site shows the report form (which then keeps the worker it loaded with). */
async function skipWaitingUnlessFormOpen(): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  if (!windows.some((w) => isForm(new URL(w.url).pathname))) await self.skipWaiting();
}

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') event.waitUntil(skipWaitingUnlessFormOpen());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([PRECACHE, PAGES, ASSETS]);
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && !keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** Keep at most `max` entries, dropping the oldest (a cache lists its keys in the order they were put). */
async function trim(cache: Cache, max: number): Promise<void> {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(key);
}

async function put(name: string, max: number, request: Request, response: Response): Promise<void> {
  const cache = await caches.open(name);
  await cache.delete(request, { ignoreSearch: true }); // put it last: most recently used
  await cache.put(request, response);
  await trim(cache, max);
}

/** Keep a page already loaded without this worker, and its hashed assets, as if visited through it. */
async function keepPage(url: URL): Promise<void> {
  if (url.origin !== self.location.origin || !url.pathname.endsWith('/') || __SW_PRECACHE__.includes(url.pathname))
    return;
  const response = await fetch(url);
  if (!response.ok) return;
  await put(PAGES, MAX_PAGES, new Request(url), response.clone());
  for (const path of pageAssets(await response.text())) {
    if (!sitePath(path)?.startsWith('/_astro/') || __SW_PRECACHE__.includes(path)) continue;
    const a = await fetch(path);
    if (a.ok) await put(ASSETS, MAX_ASSETS, new Request(path), a);
  }
}

/** Shown for a page never visited while online. */
function offlinePage(): Response {
  const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>没有网络</title><body style="font:1.1rem/1.6 sans-serif;margin:1.5rem;max-width:36rem"><h1>没有网络</h1><p>这个页面还没有保存在本机，网络恢复后再打开。</p><p>反映问题的表单可以在没有网络时填写，内容保存在本机，网络恢复后发送：<a href="${joinBase(__SW_BASE__, '/report/')}">反映问题</a></p></body></html>`;
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

/**
 * Pages: the network first (fresh content), the copy kept here when there is
 * no connection — or when the network has not answered within NETWORK_WAIT
 * (a weak signal at the riverbank that neither fails nor loads); the fresh
 * copy still replaces the kept one when it arrives.
 */
const NETWORK_WAIT = 4000;

async function page(event: FetchEvent): Promise<Response> {
  const request = event.request;
  const network = fetch(request);
  event.waitUntil(
    network
      .then((response) =>
        response.ok && response.type === 'basic' ? put(PAGES, MAX_PAGES, request, response.clone()) : undefined,
      )
      .catch(() => undefined),
  );
  const kept = async () =>
    (await caches.match(request, { cacheName: PAGES, ignoreSearch: true })) ??
    (await caches.match(request, { cacheName: PRECACHE, ignoreSearch: true }));
  const slow = new Promise<Response | undefined>((resolve) =>
    setTimeout(() => void kept().then(resolve), NETWORK_WAIT),
  );
  try {
    return (await Promise.race([network, slow])) ?? (await network);
  } catch {
    return (await kept()) ?? offlinePage();
  }
}

/** Hashed assets never change under their name: the copy kept here first. */
async function asset(event: FetchEvent): Promise<Response> {
  const kept =
    (await caches.match(event.request, { cacheName: PRECACHE })) ??
    (await caches.match(event.request, { cacheName: ASSETS }));
  if (kept) return kept;
  const response = await fetch(event.request);
  if (response.ok && response.type === 'basic')
    event.waitUntil(put(ASSETS, MAX_ASSETS, event.request, response.clone()));
  return response;
}

/** Anything else the site serves: the network, then a precached copy (the list of waters, the icon). */
async function other(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (err) {
    const kept = await caches.match(request, { cacheName: PRECACHE });
    if (kept) return kept;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only the site's own GETs. Reports (POST) go straight to the endpoint;
  // open-data downloads (/data/) and the search index are never cached
  // (large, and a download must be the current file or fail).
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const path = sitePath(url.pathname);
  if (path === null || path.startsWith('/data/') || path.startsWith('/pagefind/') || path === '/sw.js') return;
  if (request.mode === 'navigate' || path.endsWith('/')) event.respondWith(page(event));
  else if (path.startsWith('/_astro/')) event.respondWith(asset(event));
  else event.respondWith(other(request));
});

// Background Sync: the browser calls this once it has a connection again.
// Throwing while reports still wait makes it try again later.
self.addEventListener('sync', (event: Event) => {
  const e = event as ExtendableEvent & { tag: string };
  if (e.tag !== OUTBOX_TAG) return;
  e.waitUntil(
    flushOutbox().then((waiting) => {
      if (waiting) throw new Error('reports still waiting for a connection');
    }),
  );
});
