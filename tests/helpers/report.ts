/**
 * The report form in a browser test: open /report/ (or /report/named/),
 * optionally as a build with an endpoint would have written it, fill in a
 * whole report, and read what the draft keeps on the device.
 *
 * The sample site has report.endpoint: null. An endpoint build differs in
 * the form's markup only by the endpoint in <report-form data-endpoint> and
 * <form action>, a form shown without JS and no "not online" notice:
 * withEndpoint makes those changes to the served page, so no second build
 * is needed; page.route answers the (same-origin) endpoint.
 */
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Session } from './browser.ts';

export const DRAFT_KEY = 'hz-report-draft:v1';
export const REF = /^JB-\d{8}-[2-9A-HJ-NP-Z]{6}$/;
/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export interface Water {
  id: string;
  name: string;
}

/** The first water of the form's list. */
export async function firstWater(site: Session): Promise<Water> {
  const list = (await (await fetch(site.url('/report/waters.json'))).json()) as { waters: string[][] };
  const [id, name] = list.waters[0]!;
  return { id: id!, name: name! };
}

/** The report page's HTML as a build with report.endpoint = `endpoint` writes it; throws when the markup no longer matches. */
export function withEndpoint(html: string, endpoint: string): string {
  const steps: [RegExp, string][] = [
    [/<report-form /, `<report-form data-endpoint="${endpoint}" `],
    [/(<form method="post")([^>]*?) hidden( [^>]*)?>/, `$1 action="${endpoint}"$2$3>`],
    [/<noscript><p class="notice"[^>]*>本站暂未开通在线提交[\s\S]*?<\/noscript>/, ''],
  ];
  return steps.reduce((out, [re, to]) => {
    if (!re.test(out)) throw new Error(`report page markup changed: ${re} not found`);
    return out.replace(re, to);
  }, html);
}

/** Serve the report pages of `context`/`page` as an endpoint build would. */
export const routeEndpointPages = (target: Page | BrowserContext, endpoint: string) =>
  target.route(/\/report\/(named\/)?(\?.*)?$/, async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: withEndpoint(await res.text(), endpoint) });
  });

/** Open the report page with JS and wait until the form script has taken over the form. */
export async function openReport(
  site: Session,
  opts: { endpoint?: string; path?: string; context?: BrowserContext } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const context = opts.context ?? (await site.context({ permissions: ['clipboard-read', 'clipboard-write'] }));
  const page = await context.newPage();
  if (opts.endpoint) await routeEndpointPages(page, opts.endpoint);
  await page.goto(site.url(opts.path ?? '/report/'));
  await page.waitForFunction(
    () =>
      customElements.get('report-form') !== undefined &&
      !document.querySelector('report-form form')?.hasAttribute('hidden'),
  );
  return { page, context };
}

export const submit = (page: Page) => page.click('report-form button[type=submit]');

/** The text draft as stored (raw JSON), or null. */
export const draft = (page: Page) => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);

/** The form values the text draft keeps ({} when there is none). */
export const draftValues = (page: Page) =>
  page.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? '{"values":{}}') as { values: Record<string, string> }).values,
    DRAFT_KEY,
  );

/** Fill in a complete, valid report (a pollution case, anonymous unless named). */
export async function fillReport(page: Page, water: Water, named = false) {
  await page.fill('#r-water', water.name.slice(0, 1));
  await page.click(`#r-water-list li:has-text("${water.name}")`);
  await page.fill('#r-place', '青石桥下游约100米左岸');
  await page.check('#r-category-pollution');
  await page.fill('#r-description', '水面有一层油污，闻起来有柴油味，已经两天了');
  await page.fill('#r-seen-date', '2026-10-30');
  await page.fill('#r-seen-time', '14:30');
  if (named) {
    await page.check('#r-contact-named');
    await page.fill('#r-name', '张三');
    await page.fill('#r-phone', '138 0013 8000');
    await page.check('#r-consent');
  } else await page.check('#r-contact-anonymous');
  // The draft is written 300 ms after the last change: wait until it holds the last answer.
  const last = named ? 'consent' : 'contact';
  await expect.poll(async () => (await draftValues(page))[last] ?? null).not.toBeNull();
}

/** How many photos the draft holds in IndexedDB. */
export const storedPhotos = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('hz-report', 1);
        req.onsuccess = () => {
          try {
            const count = req.result.transaction('photos', 'readonly').objectStore('photos').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => resolve(-1);
          } catch {
            resolve(-1); // no photo store: the page never opened it
          }
        };
        req.onerror = () => resolve(-1);
      }),
  );
