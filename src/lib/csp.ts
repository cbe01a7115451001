/**
 * The Content-Security-Policy of the site. The site is static, so the
 * policy is written into every page as <meta http-equiv> (src/layouts/
 * Base.astro and the standalone sign page) and, for hosts that read it,
 * as an HTTP header in public/_headers (which must hold the same string:
 * tests/e2e/csp.test.ts checks it).
 *
 * Only the site's own origin is allowed, plus the origin of site.yaml
 * report.endpoint when one is set (the report form sends to it with
 * fetch, or posts to it without JS).
 *
 * - script-src: only the bundled module files under /_astro/ and Pagefind
 *   (/pagefind/), which compiles WebAssembly: 'wasm-unsafe-eval' allows
 *   that and nothing else (no eval(), no inline <script>). Astro must not
 *   inline small scripts into the HTML: vite build.assetsInlineLimit 0 in
 *   astro.config.mjs.
 * - style-src: only the stylesheet files (build.inlineStylesheets
 *   'never'). style-src-attr 'unsafe-inline' allows style="" attributes,
 *   used only to pass a bar's width as a CSS variable (--w) in the case
 *   statistics' bar tables; style attributes cannot run script or load
 *   anything outside img-src/font-src, so this does not widen what can
 *   be fetched.
 * - img-src data: for small inline images (CSS or script-made), blob: for
 *   the report form's photos, which are read from the chosen file through
 *   an object URL to be resized and previewed (they never leave the page
 *   until the report is sent).
 */

/** The origin of the report endpoint, or null when there is none or it is not an http(s) URL. */
export function endpointOrigin(endpoint: string | null | undefined): string | null {
  if (!endpoint) return null;
  try {
    const u = new URL(endpoint);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * The policy string for a site whose report form sends to `reportEndpoint`
 * (null: none). `searchOrigins`: other origins whose Pagefind bundles the
 * page loads (a portal's members published on other hosts: their
 * pagefind.js is imported and their index files fetched).
 */
export function contentSecurityPolicy(
  reportEndpoint: string | null | undefined,
  searchOrigins: readonly string[] = [],
): string {
  const origin = endpointOrigin(reportEndpoint);
  const extra = origin ? ` ${origin}` : '';
  const search = [...new Set(searchOrigins)].map((o) => ` ${o}`).join('');
  return [
    "default-src 'self'",
    `script-src 'self'${search} 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${extra}${search}`,
    `form-action 'self'${extra}`,
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}
