/**
 * The ledger, the case pages and the report lookup in Chromium, against a
 * built site (tests/helpers/site.ts: the one `npm test` built in this
 * checkout, or SITE_DIST) and the data folder it was
 * built from (RIVER_DATA_DIR, default the bundled sample in src/content).
 *
 * - /data/cases.json: status and overdue of every case agree with the data
 *   contract's rules, recomputed here from cases.csv and case-events.csv.
 * - The ledger filters to overdue cases, with and without JS.
 * - Every report_ref in the data finds its case through /track/, with its
 *   timeline; an unknown reference gets the plain message.
 * - Text from the data (<b>, <script>) shows as text, never as markup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator } from 'playwright-core';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';

const root = resolve(import.meta.dirname, '../..');
const DIST = siteDist();
const DATA = process.env.RIVER_DATA_DIR || join(root, 'src/content');

/** A small RFC 4180 reader (quotes, doubled quotes, CRLF, BOM): enough for UTF-8 data folders. */
function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.some((c) => c.trim() !== ''));
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}

interface CaseJson {
  id: string;
  title: string;
  description: string | null;
  status: string;
  overdue: boolean;
  deadline: string;
  report_ref: string | null;
}

describe('cases, ledger and report lookup (built site)', () => {
  let session: Session;
  let cases: CaseJson[];
  let events: Record<string, string>[];
  let asOf: string;

  beforeAll(async () => {
    cases = JSON.parse(readFileSync(join(DIST, 'data', 'cases.json'), 'utf8')) as CaseJson[];
    events = readCsv(join(DATA, 'case-events.csv'));
    asOf = /^as_of:\s*"?(\d{4}-\d{2}-\d{2})/m.exec(readFileSync(join(DATA, 'site.yaml'), 'utf8'))![1]!;
    session = await openSite(DIST);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('publishes status and overdue by the contract: latest event wins (later row on a tie); overdue = not closed and as_of after the deadline', () => {
    const csvCases = readCsv(join(DATA, 'cases.csv'));
    expect(cases.length).toBe(csvCases.length);
    const byCase = new Map<string, { date: string; status: string; row: number }[]>();
    events.forEach((e, row) => {
      const list = byCase.get(e.case!) ?? [];
      list.push({ date: e.date!, status: e.status!, row });
      byCase.set(e.case!, list);
    });
    const deadline = new Map(csvCases.map((c) => [c.id!, c.deadline!]));
    const wrong: string[] = [];
    for (const c of cases) {
      const evs = (byCase.get(c.id) ?? []).filter((e) => e.date <= asOf);
      let latest: { date: string; status: string; row: number } | null = null;
      for (const e of evs)
        if (!latest || e.date > latest.date || (e.date === latest.date && e.row > latest.row)) latest = e;
      const status = latest?.status ?? 'reported';
      const overdue = status !== 'closed' && asOf > deadline.get(c.id)!;
      if (c.status !== status || c.overdue !== overdue)
        wrong.push(`${c.id}: published ${c.status}/${c.overdue}, expected ${status}/${overdue}`);
    }
    expect(wrong).toEqual([]);
  });

  it('filters the ledger to overdue cases without JS (links to static pages)', async () => {
    const ctx = await session.context({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(session.url('/cases/'));
    expect(await page.locator('case-filter form').isHidden()).toBe(true);
    await page
      .getByRole('navigation', { name: '问题台账按办理状态' })
      .getByRole('link', { name: '已逾期（未销号）' })
      .click();
    await page.waitForURL(/\/cases\/status\/overdue\/$/);
    const overdue = cases.filter((c) => c.overdue);
    const rows = page.locator('[data-case-table] tbody tr');
    expect(await rows.count()).toBe(Math.min(overdue.length, 100));
    for (const tag of await rows.locator('td.tag').allTextContents()) expect(tag).toMatch(/^逾期 \d+ 天$/);
    await ctx.close();
  });

  it('filters the ledger to overdue cases with the form (JS)', async () => {
    const ctx = await session.context();
    const page = await ctx.newPage();
    await page.goto(session.url('/cases/status/all/'));
    const form = page.getByRole('form', { name: '筛选问题' });
    await form.getByLabel('办理状态').selectOption('overdue');
    // Filtering within the page happens as soon as the choice changes …
    const visible = page.locator('[data-case-table] tbody tr:not([hidden])');
    const shownTags = await visible.locator('td.tag').allTextContents();
    expect(shownTags.length).toBeGreaterThan(0);
    for (const tag of shownTags) expect(tag).toMatch(/^逾期 \d+ 天$/);
    expect(await page.locator('[data-filter-count]').textContent()).toMatch(
      /本页有 \d+ 个问题符合条件|本页没有符合条件的问题/,
    );
    // … and submitting goes to the static page that answers it in full.
    await form.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/\/cases\/status\/overdue\/$/);
    const overdue = cases.filter((c) => c.overdue).length;
    expect(await page.locator('[data-case-table] tbody tr:not([hidden])').count()).toBe(Math.min(overdue, 100));

    // A township and a status map to the township's own overdue page.
    const township = await page.locator('#cf-township option').nth(1).getAttribute('value');
    await page.locator('#cf-township').selectOption(township!);
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(new RegExp(`/cases/township/${township}/overdue/$`));
    await ctx.close();
  });

  it('sorts and filters the rows of a ledger page in place, and keeps the choices in the address', async () => {
    const ctx = await session.context();
    const page = await ctx.newPage();
    await page.goto(session.url('/cases/status/all/'));
    const form = page.getByRole('form', { name: '筛选问题' });
    const found = () =>
      page
        .locator('[data-case-table] tbody tr:not([hidden]) td[data-label="发现日期"] time')
        .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    await form.getByLabel('排序').selectOption('found-asc');
    const asc = await found();
    expect(asc.length).toBe(Math.min(cases.length, 100));
    expect(asc).toEqual([...asc].sort());
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('found-asc');
    // A water's name narrows the rows; the address carries it, and opening that address shows the same.
    const water = await page.locator('[data-case-table] tbody tr td[data-label="河湖"]').first().textContent();
    await form.getByLabel('河湖名称').fill(water!.trim());
    const waters = await page
      .locator('[data-case-table] tbody tr:not([hidden]) td[data-label="河湖"]')
      .allTextContents();
    expect(waters.length).toBeGreaterThan(0);
    expect(waters.every((w) => w.includes(water!.trim()))).toBe(true);
    const shared = page.url();
    expect(new URL(shared).searchParams.get('water')).toBe(water!.trim());
    const again = await ctx.newPage();
    await again.goto(shared);
    await expect.poll(() => again.locator('[data-case-table] tbody tr:not([hidden])').count()).toBe(waters.length);
    expect(await again.getByLabel('排序').inputValue()).toBe('found-asc');
    await ctx.close();
  });

  it.each([
    ['/cases/status/overdue/', 'the ledger list when its filter form starts working', '筛选问题'],
    ['/track/', 'the lookup page when its script replaces the no-JS advice', null],
  ])('does not move %s: %s (no layout shift on a phone)', async (path, _what, form) => {
    const ctx = await session.context({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(session.url(path));
    if (form) await page.getByRole('form', { name: form }).waitFor({ state: 'visible' });
    else await page.waitForLoadState('load');
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let sum = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
              if (!e.hadRecentInput) sum += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(sum), 300);
        }),
    );
    expect(shift).toBeLessThan(0.01);
    await ctx.close();
  });

  it('finds every report_ref of the data through the lookup, with its timeline', async () => {
    const all = cases.filter((c) => c.report_ref);
    expect(all.length).toBeGreaterThan(0);
    // Every reference of the sample; an even sample of 50 from a larger folder.
    const step = Math.max(1, Math.ceil(all.length / 50));
    const withRef = all.filter((_, i) => i % step === 0);
    const ctx = await session.context();
    const page = await ctx.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(session.url('/track/'));
    for (const [i, c] of withRef.entries()) {
      // Type some as people do: lower case, spaces for dashes.
      const typed = i % 2 ? c.report_ref!.toLowerCase().replace(/-/g, ' ') : c.report_ref!;
      await page.getByLabel('受理编号').fill(typed);
      await page.getByRole('button', { name: '查询' }).click();
      const result = page.locator('[data-result]');
      await expect.poll(() => result.locator('article').count()).toBe(1);
      await expect
        .poll(async () => result.getByRole('link', { name: c.title, exact: true }).getAttribute('href'))
        .toBe(`/cases/${c.id}/`);
      const n = events.filter((e) => e.case === c.id && e.date! <= asOf).length;
      expect(await result.locator('ol.timeline li').count()).toBe(Math.max(n, 0));
      expect(await result.textContent()).toContain('当前状态');
    }
    // Only the small shards were fetched, never the whole ledger.
    expect(requests.filter((p) => p.startsWith('/data/'))).toEqual([]);
    expect(requests.some((p) => /^\/track\/[0-9a-f]+\.json$/.test(p))).toBe(true);
    await ctx.close();
  }, 120_000);

  it('finds a case by the case id its page shows, also one that came without a reference', async () => {
    const ctx = await session.context();
    const page = await ctx.newPage();
    const sampleCases = [
      ...cases.filter((c) => c.report_ref).slice(0, 2),
      ...cases.filter((c) => !c.report_ref).slice(0, 2),
    ];
    for (const c of sampleCases) {
      await page.goto(session.url(`/track/?ref=${encodeURIComponent(c.id!.toUpperCase())}`));
      const result = page.locator('[data-result]');
      await expect.poll(() => result.locator('article').count()).toBe(1);
      expect(await result.getByRole('link', { name: c.title, exact: true }).getAttribute('href')).toBe(
        `/cases/${c.id}/`,
      );
      // The events read as on the case page: the same markup (CaseTimeline's template), the same words.
      const items = (root: Locator) =>
        root
          .locator('ol.timeline li.event')
          .evaluateAll((lis) => lis.map((li) => [li.className.replace(/\s+/g, ' '), li.textContent!.trim()]));
      const found = await items(result);
      const casePage = await ctx.newPage();
      await casePage.goto(session.url(`/cases/${c.id}/`));
      // (A case with no event yet: the case page says so in one line of its own.)
      if (found.length > 0) expect(found).toEqual(await items(casePage.locator('main')));
      else expect((await items(casePage.locator('main'))).length).toBeLessThanOrEqual(1);
      await casePage.close();
    }
    await ctx.close();
  });

  it('says plainly when a reference is not registered, and what to do', async () => {
    const ctx = await session.context();
    const page = await ctx.newPage();
    await page.goto(session.url('/track/?ref=ZZ-NOT-A-REAL-REF-0000'));
    const result = page.locator('[data-result]');
    await expect.poll(() => result.textContent()).toContain('没有找到这个受理编号');
    expect(await result.textContent()).toContain('ZZ-NOT-A-REAL-REF-0000');
    expect(await result.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    // An empty submission is an error on the field, GOV.UK style.
    await page.getByLabel('受理编号').fill('  ');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('#ref-error').textContent()).toBe('错误：请输入受理编号');
    expect(await page.title()).toMatch(/^错误：/);
    // The summary above the form links to the field and takes the focus; the error goes once a reference is typed.
    const summary = page.locator('[data-error-summary]');
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    expect(await page.getAttribute('#ref', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#ref', 'aria-describedby')).toContain('ref-error');
    await summary.getByRole('link', { name: '请输入受理编号' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ref');
    await page.keyboard.type('JB');
    await expect.poll(() => page.locator('#ref-error').isVisible()).toBe(false);
    expect(await summary.isVisible()).toBe(false);
    expect(await page.getAttribute('#ref', 'aria-invalid')).toBeNull();
    expect(await page.title()).not.toMatch(/^错误：/);
    await ctx.close();
  });

  it('tells people without JS what to do instead', async () => {
    const ctx = await session.context({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(session.url('/track/'));
    const nojs = page.locator('[data-nojs]');
    expect(await nojs.isVisible()).toBe(true);
    expect(await nojs.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    await ctx.close();
  });

  it('shows markup in the data as text on the case page and in the feed', async () => {
    const marked = cases.filter((c) => /<\/?[a-z]/i.test(`${c.title} ${c.description ?? ''}`));
    // The bundled sample has a description with <b>…</b>; other data folders may have none.
    if (!process.env.RIVER_DATA_DIR)
      expect(marked.length, 'the sample data should have a description with <b>…</b>').toBeGreaterThan(0);
    const ctx = await session.context();
    const page = await ctx.newPage();
    for (const c of marked) {
      await page.goto(session.url(`/cases/${c.id}/`));
      if (c.description) {
        const desc = page.locator('.description');
        expect(await desc.textContent()).toBe(c.description);
        expect(await desc.locator('b, script, i, em, strong').count()).toBe(0);
      }
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(c.title);
    }
    const feed = await page.request.get(session.url('/feed.xml'));
    const xml = await feed.text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        entries: doc.getElementsByTagName('entry').length,
        markup: doc.querySelectorAll('entry b, entry script').length,
      };
    }, xml);
    expect(parsed.error).toBe(0);
    expect(parsed.entries).toBeGreaterThan(0);
    expect(parsed.markup).toBe(0);
    await ctx.close();
  });

  it('keeps every page of the ledger bounded', () => {
    const html = readFileSync(join(DIST, 'cases', 'status', 'all', 'index.html'), 'utf8');
    expect((html.match(/<tr [^>]*data-filter-row/g) ?? []).length).toBe(Math.min(cases.length, 100));
  });
});
