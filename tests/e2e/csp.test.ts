/**
 * The Content-Security-Policy of the built site (SITE_DIST, default
 * the checkout's dist/); the policy itself is src/lib/csp.ts.
 *
 * Static: every page carries the policy in a <meta http-equiv> before any
 * stylesheet or script, the same on every page, allowing only the site's
 * own origin (and the report endpoint's origin, when the build has one);
 * public/_headers sends the same policy; nothing in the HTML needs what the
 * policy forbids (inline <script> or <style>, on…="" handlers, javascript:
 * URLs).
 *
 * In Chromium: the policy is really enforced (an injected inline script
 * does not run and is reported). That no page of any type raises a
 * violation when used is checked on the one visit per page type of
 * page-visits.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { headersFor, parseHeaders } from '../helpers/server.ts';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { cspViolations, openSite, recordCspViolations, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';
import { contentSecurityPolicy, endpointOrigin } from '../../src/lib/csp.ts';

const dist = siteDist();

function htmlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) htmlFiles(p, out);
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out;
}
const files = htmlFiles(dist);

const decode = (s: string) =>
  s
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*\/?>/gi;

/** The report endpoint the build wrote into the report form (none in the sample). */
const endpoint = (() => {
  const f = join(dist, 'report', 'index.html');
  if (!existsSync(f)) return null;
  const m = /<report-form[^>]*\sdata-endpoint="([^"]*)"/.exec(readFileSync(f, 'utf8'));
  return m ? decode(m[1]!) : null;
})();
const expected = contentSecurityPolicy(endpoint);

/** Directive name → sources. */
const parse = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...src] = d.split(/\s+/);
        return [name!, src] as const;
      }),
  );

describe('the policy in the built pages (static)', () => {
  it('every page has the policy in a <meta> before any stylesheet or script', () => {
    const problems: string[] = [];
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      const metas = [...html.matchAll(META)];
      const name = relative(dist, f);
      if (metas.length !== 1) {
        problems.push(`${name}: ${metas.length} CSP meta elements`);
        continue;
      }
      if (decode(metas[0]![1]!) !== expected) problems.push(`${name}: policy differs: ${decode(metas[0]![1]!)}`);
      const at = metas[0]!.index!;
      const first = html.search(/<link\b[^>]*rel="(?:stylesheet|modulepreload|preload)"|<script\b|<style\b/i);
      if (first !== -1 && first < at) problems.push(`${name}: the CSP meta comes after a stylesheet or script`);
    }
    expect(problems.slice(0, 20), `${problems.length} pages`).toEqual([]);
  });

  it('allows only the own origin, and the report endpoint origin when there is one', () => {
    const directives = parse(expected);
    const allowed = new Set([
      "'self'",
      "'none'",
      "'wasm-unsafe-eval'",
      "'unsafe-inline'",
      'data:',
      'blob:',
      ...(endpointOrigin(endpoint) ? [endpointOrigin(endpoint)!] : []),
    ]);
    for (const [name, sources] of directives) {
      for (const src of sources) expect(allowed.has(src), `${name} ${src}`).toBe(true);
    }
    // 'unsafe-inline' only for style attributes; nothing inline for scripts or <style>.
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')?.[0]).toBe("'self'");
    expect(directives.get('connect-src')?.[0]).toBe("'self'");
  });

  it("public/_headers sends the same policy, plus frame-ancestors 'none'; photos are sandboxed", () => {
    const headers = join(dist, '_headers');
    expect(existsSync(headers), 'dist/_headers (from public/_headers)').toBe(true);
    const rules = parseHeaders(readFileSync(headers, 'utf8'));
    const page = headersFor(rules, '/waters/');
    expect(page['Content-Security-Policy']).toEqual([`${expected}; frame-ancestors 'none'`]);
    expect(page['X-Frame-Options']).toEqual(['DENY']);
    const photo = headersFor(rules, '/cases/media/x.jpg')['Content-Security-Policy'] ?? [];
    expect(
      photo.some((p) => /(^|;\s*)sandbox(;|$)/.test(p)),
      photo.join(' | '),
    ).toBe(true);
  });

  it("a script file under /cases/media/ cannot run or read the site's storage, under the shipped headers", async () => {
    // Plant what the build refuses (an SVG with a script) into a copy of the
    // site, as if that check had been bypassed, and open it.
    const copy = mkdtempSync(join(tmpdir(), 'river-media-'));
    cpSync(dist, copy, { recursive: true });
    mkdirSync(join(copy, 'cases/media'), { recursive: true });
    // The page policy alone already stops an inline script; a script file of
    // the same origin it allows, and only the sandbox stops that.
    writeFileSync(
      join(copy, 'cases/media/evil.js'),
      'document.title="ran";try{new Image().src="/leak?d="+encodeURIComponent(localStorage.getItem("hz-report-draft")||"none")}catch(e){new Image().src="/leak?blocked"}',
    );
    writeFileSync(
      join(copy, 'cases/media/evil.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"><script href="/cases/media/evil.js"/></svg>',
    );
    const s = await openSite(copy);
    try {
      const ctx = await s.context();
      const page = await ctx.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(s.url('/report/'));
      await page.evaluate(() => localStorage.setItem('hz-report-draft', '{"name":"张三","phone":"0000-1"}'));
      await page.goto(s.url('/cases/media/evil.svg'));
      // An SVG's script runs while it is parsed, before the load event goto() waits for.
      expect(await page.title()).not.toBe('ran');
      expect(requests.filter((u) => u.includes('/leak'))).toEqual([]);
      await ctx.close();
    } finally {
      await s.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('no page has inline scripts, <style> elements, event-handler attributes or javascript: URLs', () => {
    const problems: string[] = [];
    for (const f of files) {
      const html = readFileSync(f, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
      const name = relative(dist, f);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const attrs = m[1]!;
        const type = /\stype="([^"]*)"/.exec(attrs)?.[1] ?? '';
        const dataBlock = type !== '' && type !== 'module' && !/javascript|ecmascript|importmap/i.test(type);
        if (!/\ssrc="/.test(attrs) && !dataBlock)
          problems.push(`${name}: inline <script${attrs}> ${m[2]!.slice(0, 60)}…`);
      }
      if (/<style\b/i.test(html)) problems.push(`${name}: inline <style> element`);
      const tags = html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');
      for (const m of tags.matchAll(/<[a-z][^>]*\son[a-z]+\s*=/gi))
        problems.push(`${name}: event-handler attribute in ${m[0].slice(0, 80)}`);
      for (const m of tags.matchAll(/\s(?:href|src|action|formaction)\s*=\s*"\s*javascript:/gi))
        problems.push(`${name}: javascript: URL ${m[0]}`);
    }
    expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
  });
});

describe('the policy in Chromium', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSite(dist);
  });
  afterAll(async () => {
    await s?.close();
  });

  /** A context whose pages record CSP violations (tests/helpers/browser.ts). */
  async function watched(): Promise<{ context: BrowserContext; logged: string[] }> {
    const context = await s.context({ viewport: { width: 1280, height: 800 } });
    return { context, logged: await recordCspViolations(context) };
  }
  const violations = cspViolations;

  it('is enforced: an inline script injected into a page does not run and is reported', async () => {
    const { context } = await watched();
    const page = await context.newPage();
    await page.goto(s.url('/'));
    const ran = await page.evaluate(async () => {
      const el = document.createElement('script');
      el.textContent = '(window).__inlineRan = true';
      document.head.append(el);
      await new Promise((r) => setTimeout(r, 50));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    expect((await violations(page)).some((v) => v.startsWith('script-src'))).toBe(true);
    await context.close();
  });
});
