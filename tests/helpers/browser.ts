/**
 * Browser-test harness: finds a Chromium, serves a built site on localhost
 * and opens pages with playwright-core. Chromium is looked up in
 * CHROMIUM_PATH (or CHROME_PATH), then /usr/bin/chromium and
 * /usr/bin/chromium-browser, then Playwright's own browser cache, so a
 * developer elsewhere runs the same tests.
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveDir, type ServeOptions, type StaticServer } from './server.ts';

export function findChromium(env = process.env): string {
  const candidates = [
    env.CHROMIUM_PATH,
    env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter((p): p is string => !!p);
  const cache = env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (existsSync(cache)) {
    for (const dir of readdirSync(cache)
      .filter((d) => d.startsWith('chromium'))
      .sort()
      .reverse()) {
      candidates.push(join(cache, dir, 'chrome-linux', 'chrome'), join(cache, dir, 'chrome-linux64', 'chrome'));
    }
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      `Chromium not found: set CHROMIUM_PATH, or install it (apt-get install -y chromium). Looked in: ${candidates.join(', ')}`,
    );
  return found;
}

/** Flags for a sandboxed CI machine with no outside network (see DEVELOPERS.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  browser: Browser;
  server: StaticServer;
  /** A fresh context (axe needs pages from browser.newContext()). */
  context(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  url(path: string): string;
  close(): Promise<void>;
}

/** Start a static server on `dir` (under `options.base`, if given) and launch Chromium. */
export async function openSite(dir: string, options: ServeOptions = {}): Promise<Session> {
  const server = await serveDir(dir, options);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    server,
    async context(options) {
      const c = await browser.newContext({ locale: 'zh-CN', ...options });
      contexts.push(c);
      return c;
    },
    url: (path) => new URL(path, server.origin).href,
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Record Content-Security-Policy violations in a context's pages: each
 * securitypolicyviolation event in window.__csp (read with cspViolations)
 * and each CSP error the console logs in the returned list.
 */
export async function recordCspViolations(context: BrowserContext): Promise<string[]> {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`,
      );
    });
  });
  const logged: string[] = [];
  context.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) logged.push(m.text());
  });
  return logged;
}

/** The violations a page recorded since it loaded (recordCspViolations). */
export const cspViolations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
