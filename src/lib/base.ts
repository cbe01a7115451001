/**
 * The base path: where under its host the site is published. site.yaml
 * `url` may have a path (`https://www.example.gov.cn/hzz/`); every page,
 * asset, feed, data file and search bundle then lives under `/hzz/`
 * (docs/deploy.md, "Publishing under a path"). astro.config.mjs sets
 * Astro's `base` from it, so Astro's own CSS and JS follow; every path the
 * site's code writes goes through pathWithBase (as Starlight's
 * utils/base.ts does), so the rule lives here only.
 *
 * Code writes site paths root-relative, as if the site were at the root
 * of its host (`/waters/${id}/`); pathWithBase puts the base in front.
 * With no path in `url` (base `/`) every path stays as it is.
 *
 * Browser scripts (src/scripts/, `<script>` of components) apply the same
 * rule inline, `${import.meta.env.BASE_URL}waters/${id}/`: Vite writes the
 * base in as a literal and the minifier folds it, so at base `/` their
 * bundles are byte for byte those of a path written `/waters/${id}/`
 * (importing this module would add a chunk and change every page that
 * loads them). Where the server renders the path, they read it from the
 * markup instead (the report form's `data-waters-url`). The service worker
 * gets the base from its build (src/loader/service-worker.ts).
 */

/** The base path of a site URL, with leading and trailing slash: `https://x.org/hzz` → `/hzz/`. */
export function basePathOf(siteUrl: string | undefined): string {
  if (!siteUrl) return '/';
  const path = new URL(siteUrl).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

/**
 * A root-relative site path (`/x/…`) under the base path `base`. Anything
 * else (a fragment, a query, an absolute or protocol-relative URL, a
 * relative path) is returned as is: only site paths move with the base.
 */
export function joinBase(base: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  return (base.endsWith('/') ? base : `${base}/`) + path.slice(1);
}

/**
 * The absolute URL of a site path, from site.yaml `url` (which holds the
 * base path): `siteHref('https://x.org/hzz/', '/waters/a/')` →
 * `https://x.org/hzz/waters/a/`. For QR codes, feeds, calendars and
 * citations, which leave the site.
 */
export function siteHref(siteUrl: string, path: string): string {
  return new URL(path.replace(/^\/+/, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

/**
 * A site path seen from the host's root back to the path the code writes:
 * `/hzz/waters/x/` → `/waters/x/`. Null for a path outside the base.
 */
export function stripBase(base: string, pathname: string): string | null {
  const b = base.endsWith('/') ? base : `${base}/`;
  if (pathname.startsWith(b)) return `/${pathname.slice(b.length)}`;
  return pathname === b.slice(0, -1) ? '/' : null;
}

/**
 * This build's base path. Vite replaces import.meta.env.BASE_URL with
 * Astro's `base` in pages, endpoints and client scripts; plain Node (a
 * script importing a module that uses this one) has no import.meta.env and
 * gets `/`.
 */
export const BASE: string = (import.meta.env && import.meta.env.BASE_URL) || '/';

/** A root-relative site path under this build's base path: `/waters/` → `/hzz/waters/`. */
export function pathWithBase(path: string): string {
  return joinBase(BASE, path);
}
