/**
 * A city-like data folder, built and opened in Chromium on a phone-sized
 * screen. Pages whose length grows with the data split their long tables:
 * /quality/ into a table per township with a summary of the townships
 * first, the county page sums its stations up per township, and long tables
 * (a township's waters and chiefs, an inspection ranking, a directory
 * letter) come in parts of CHUNK_ROWS rows. Parts and township tables far
 * down the page are not rendered at load (content-visibility), which is what
 * keeps a phone from laying out a thousand rows before it can scroll.
 *
 * The folder is the bench generator's at 0.12 of city size (120 stations in
 * 5 townships, 1,200 waters, 3,000 chiefs): big enough for every split,
 * small enough to build in well under a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPLIT_ROWS_ABOVE } from '../../src/data/accountability.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { astroBuild, cleanupTemp, runNpx, tempDir, type BuildResult } from '../helpers/fixtures.ts';
import { openSite, type Session } from '../helpers/browser.ts';
import { CHUNK_ROWS } from '../../src/lib/chunks.ts';
import { CASE_STATUS, WATER_CLASSES } from '../../src/lib/enums.ts';
import { GROUP_STATIONS_ABOVE } from '../../src/data/quality.ts';

const FACTOR = '0.12';
let built: BuildResult;
let s: Session;
let phone: BrowserContext;
let stations: { id: string; region: string }[];
let townships: string[];
let county: string;

beforeAll(async () => {
  const data = tempDir('river-scale-');
  const gen = await runNpx(['node', 'scripts/bench/generate.ts', '--size', FACTOR, '--out', data]);
  if (gen.code !== 0) throw new Error(`generator failed:\n${gen.output.slice(-2000)}`);
  built = await astroBuild(data);
  if (built.code !== 0) throw new Error(`build failed:\n${built.output.slice(-3000)}`);
  stations = JSON.parse(readFileSync(join(built.outDir, 'data', 'stations.json'), 'utf8'));
  // The county's page is the one with the list of townships.
  const regions = readdirSync(join(built.outDir, 'regions'))
    .filter((c) => /^\d+$/.test(c))
    .sort();
  county = regions.find((c) =>
    readFileSync(join(built.outDir, 'regions', c, 'index.html'), 'utf8').includes('id="townships-title"'),
  )!;
  townships = regions.filter((c) => c !== county);
  s = await openSite(built.outDir);
  phone = await s.context({ viewport: { width: 360, height: 740 } });
}, 300_000);

afterAll(async () => {
  await s?.close();
  cleanupTemp();
});

async function open(path: string): Promise<Page> {
  const page = await phone.newPage();
  await page.goto(s.url(path), { waitUntil: 'load' });
  return page;
}

/** Whether the browser renders an element now (false while content-visibility skips it). */
const rendered = (page: Page, selector: string, nth: number) =>
  page
    .locator(selector)
    .nth(nth)
    .evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }));

/** The rows of every table on a page, counted from the HTML (no browser needed). */
function tableRows(html: string): number[] {
  return [...html.matchAll(/<tbody[^>]*>([\s\S]*?)<\/tbody>/g)].map((m) => (m[1]!.match(/<tr[\s>]/g) ?? []).length);
}

describe('a city-like data folder', () => {
  it('is big enough to split every long table', () => {
    expect(stations.length).toBeGreaterThan(GROUP_STATIONS_ABOVE);
    expect(townships.length).toBeGreaterThan(2);
  });

  it("reads like a real office's data: results of every class, cases in every status, some overdue, most required actions recorded", () => {
    // The build itself ran the data check (a folder with any problem fails it); this is about content.
    const readings = JSON.parse(readFileSync(join(built.outDir, 'data', 'readings.json'), 'utf8')) as {
      class: string | null;
      meets_target: boolean | null;
    }[];
    const classes = new Set(readings.map((r) => r.class));
    for (const c of WATER_CLASSES) expect(classes.has(c), c).toBe(true);
    const meeting = readings.filter((r) => r.meets_target === true).length / readings.length;
    expect(meeting).toBeGreaterThan(0.6);
    expect(meeting).toBeLessThan(0.95);
    const cases = JSON.parse(readFileSync(join(built.outDir, 'data', 'cases.json'), 'utf8')) as {
      status: string;
      overdue: boolean;
    }[];
    for (const status of CASE_STATUS.values)
      expect(
        cases.some((c) => c.status === status),
        status,
      ).toBe(true);
    const overdue = cases.filter((c) => c.overdue).length / cases.length;
    expect(overdue).toBeGreaterThan(0.01);
    expect(overdue).toBeLessThan(0.15);
    // The escalation rule is followed: of the required actions whose window has passed, a small share is missing.
    const ledger = JSON.parse(readFileSync(join(built.outDir, 'data', 'accountability.json'), 'utf8')) as {
      status: string;
    }[];
    const due = ledger.filter((r) => r.status !== 'pending');
    const missing = due.filter((r) => r.status === 'missing').length / due.length;
    expect(due.length).toBeGreaterThan(100);
    expect(missing).toBeGreaterThan(0.02);
    expect(missing).toBeLessThan(0.12);
  });

  it('the accountability ledger is one page per township, each row once, and the feed links each missing row to its page', () => {
    const rows = JSON.parse(readFileSync(join(built.outDir, 'data', 'accountability.json'), 'utf8')) as {
      station: string;
      rule: string;
      from: string;
      length: number;
      status: string;
    }[];
    expect(rows.length).toBeGreaterThan(SPLIT_ROWS_ABOVE);
    const main = readFileSync(join(built.outDir, 'accountability', 'index.html'), 'utf8');
    expect(main.length).toBeLessThan(200_000);
    const dir = join(built.outDir, 'accountability');
    const pages = readdirSync(dir).filter((d) => d !== 'index.html');
    const ids = pages.flatMap((p) =>
      [...readFileSync(join(dir, p, 'index.html'), 'utf8').matchAll(/<tr id="(acc-[^"]+)"/g)].map(
        (m) => `${p} ${m[1]}`,
      ),
    );
    expect(ids.length).toBe(rows.length);
    const feed = readFileSync(join(built.outDir, 'feed.xml'), 'utf8');
    for (const m of feed.matchAll(/href="https?:\/\/[^"/]+(\/accountability\/[^"#]*)#(acc-[^"]+)"/g)) {
      expect(ids, `${m[1]}#${m[2]}`).toContain(`${m[1]!.split('/')[2]} ${m[2]}`);
    }
  });

  it('/quality/ has a summary per township and a table per township, with every station once', async () => {
    const page = await open('/quality/');
    const summary = page.locator('section[aria-labelledby="townships-title"] table tbody tr');
    const groups = page.locator('station-table section[data-filter-group]');
    expect(await groups.count()).toBe(townships.length);
    expect(await summary.count()).toBe(townships.length);
    // The summary's station counts are the tables' row counts, township by township.
    const counts = await summary.evaluateAll((rows) => rows.map((r) => Number(r.querySelector('td')!.textContent)));
    const perTable = await groups.evaluateAll((gs) => gs.map((g) => g.querySelectorAll('tbody tr').length));
    expect(counts).toEqual(perTable);
    const ids = await page
      .locator('station-table tbody tr th a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/')[2]));
    expect(ids.sort()).toEqual(stations.map((x) => x.id).sort());
    // Every row of a township's table is in that township.
    const mixed = await groups.evaluateAll(
      (gs) =>
        gs.filter(
          (g) =>
            new Set([...g.querySelectorAll('tbody tr')].map((r) => (r as HTMLElement).dataset.township)).size !== 1,
        ).length,
    );
    expect(mixed).toBe(0);
    await page.close();
  });

  it('/quality/ renders only the township tables near the screen, and a summary link brings its table', async () => {
    const page = await open('/quality/');
    const last = townships.length - 1;
    expect(await rendered(page, 'station-table section[data-filter-group] table', last)).toBe(false);
    const link = page.locator('section[aria-labelledby="townships-title"] tbody a').nth(last);
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(href);
    // The browser decides what content-visibility skips at its next rendering
    // update, not at the moment of the scroll: poll instead of reading once.
    await expect.poll(() => rendered(page, 'station-table section[data-filter-group] table', last)).toBe(true);
    expect(await page.locator(href).isVisible()).toBe(true);
    await page.close();
  });

  it('/quality/ filters across every township table and sorts one table', async () => {
    const page = await open('/quality/');
    const form = page.locator('station-table form');
    await form.locator('select[name="meets"]').selectOption('no');
    const shown = await page
      .locator('station-table tbody tr:not([hidden])')
      .evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.filterMeets));
    const off = await page.locator('station-table tbody tr[data-filter-meets="no"]').count();
    expect(shown.length).toBe(off);
    expect(shown.every((m) => m === 'no')).toBe(true);
    expect(await page.locator('station-table [data-filter-count]').textContent()).toContain(
      off === 0 ? '没有符合条件' : `显示 ${off} 个断面`,
    );
    // A township left without rows is hidden with its heading; the others are not.
    const states = await page.locator('station-table section[data-filter-group]').evaluateAll((gs) =>
      gs.map((g) => ({
        hidden: (g as HTMLElement).hidden,
        left: g.querySelectorAll('tbody tr:not([hidden])').length,
      })),
    );
    expect(states.every((g) => g.hidden === (g.left === 0))).toBe(true);

    // Filter by township: only its table is left.
    await form.locator('button[type="reset"]').click();
    const code = townships[1]!;
    await form.locator('select[name="township"]').selectOption(code);
    await expect
      .poll(() =>
        page.locator('station-table section[data-filter-group]:not([hidden])').evaluateAll((gs) => gs.map((g) => g.id)),
      )
      .toEqual([`st-${code}`]);

    // Sorting one township's table leaves the others as they were.
    await form.locator('button[type="reset"]').click();
    const second = page.locator('station-table section[data-filter-group]').nth(1);
    await second.scrollIntoViewIfNeeded();
    const before = await page
      .locator('station-table section[data-filter-group]')
      .first()
      .locator('tbody tr th')
      .allTextContents();
    const header = second.locator('thead th', { hasText: '本月水质' });
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const keys = (
      await second
        .locator('tbody tr td:nth-child(6)')
        .evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.sortValue ?? ''))
    )
      .filter((k) => k !== '')
      .map(Number);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(
      await page.locator('station-table section[data-filter-group]').first().locator('tbody tr th').allTextContents(),
    ).toEqual(before);
    expect(await page.locator('station-table th[aria-sort]').count()).toBe(1);
    expect(await page.locator('station-table [data-filter-count]').textContent()).toMatch(
      /的断面已按“本月水质”升序排列/,
    );
    await page.close();
  });

  it('every month with results has a page, and the month selector offers all of them and fits a phone', async () => {
    const readings = JSON.parse(readFileSync(join(built.outDir, 'data', 'readings.json'), 'utf8')) as {
      date: string;
    }[];
    const months = [...new Set(readings.map((r) => r.date.slice(0, 7)))].sort();
    expect(months.length).toBe(60);
    expect(months.filter((m) => !existsSync(join(built.outDir, 'quality', m, 'index.html')))).toEqual([]);
    const page = await open('/quality/');
    const options = await page
      .locator('month-select select option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect([...options].sort()).toEqual(months);
    expect(await page.locator('month-select optgroup').count()).toBe(new Set(months.map((m) => m.slice(0, 4))).size);
    expect(await page.locator('month-select nav a').count()).toBe(months.length);
    // Sixty links wrap by year: nothing sticks out sideways on the phone.
    expect(await page.locator('month-select').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const oldest = months[0]!;
    await page.locator('month-select select').selectOption(oldest);
    await page.locator('month-select button[type="submit"]').click();
    await page.waitForURL(`**/quality/${oldest}/`);
    expect(await page.locator('station-table tbody tr').count()).toBe(stations.length);
    await page.close();
  });

  it('the county page sums its stations up per township instead of listing them', async () => {
    const page = await open(`/regions/${county}/`);
    const section = page.locator('section[aria-labelledby="r-stations"]');
    const counts = await section.locator('tbody tr td:nth-of-type(1)').allTextContents();
    expect(counts.length).toBe(townships.length);
    expect(counts.reduce((n, c) => n + Number(c), 0)).toBe(stations.length);
    expect(await section.locator('a[href^="/stations/"]').count()).toBe(0);
    expect(await section.locator('a[href="/quality/"]').count()).toBe(1);
    await page.close();
  });

  it('a township page lists every water and chief in parts of consecutive rows, far parts not rendered', async () => {
    const code = townships[0]!;
    const page = await open(`/regions/${code}/`);
    const facts = await page.locator('.facts li').allTextContents();
    const waters = Number(facts[0]!.match(/\d+/)![0]);
    const chiefs = Number(facts[1]!.match(/\d+/)![0]);
    const parts = (section: string) => page.locator(`section[aria-labelledby="${section}"] table`);
    for (const [section, total] of [
      ['r-waters', waters],
      ['r-chiefs', chiefs],
    ] as const) {
      const sizes = await parts(section).evaluateAll((ts) =>
        ts.map((t) => (t as HTMLTableElement).tBodies[0]!.rows.length),
      );
      expect(sizes.reduce((n, x) => n + x, 0)).toBe(total);
      expect(sizes.length).toBe(Math.ceil(total / CHUNK_ROWS));
      expect(Math.max(...sizes)).toBeLessThanOrEqual(CHUNK_ROWS);
      const captions = await parts(section).locator('caption').allTextContents();
      expect(captions.at(-1)).toContain(`第 ${(sizes.length - 1) * CHUNK_ROWS + 1}—${total} 个，共 ${total} 个`);
    }
    expect(chiefs).toBeGreaterThan(CHUNK_ROWS);
    expect(await rendered(page, 'section[aria-labelledby="r-chiefs"] table', 0)).toBe(false);
    await page.locator('section[aria-labelledby="r-chiefs"] table').first().scrollIntoViewIfNeeded();
    await expect.poll(() => rendered(page, 'section[aria-labelledby="r-chiefs"] table', 0)).toBe(true);
    await page.close();
  });

  it('an inspection ranking keeps its order across its parts', () => {
    const period = readdirSync(join(built.outDir, 'inspections'))
      .filter((d) => !d.includes('.'))
      .sort()
      .at(-1)!;
    const html = readFileSync(join(built.outDir, 'inspections', period, 'index.html'), 'utf8');
    // Each part: its caption without the range, and its ranks in page order.
    const rankings = new Map<string, number[][]>();
    for (const t of html.matchAll(
      /<table class="hz-ranking[^"]*"[^>]*>\s*<caption[^>]*>\s*(?:<span[^>]*>)?\s*([^<（]+)[\s\S]*?<\/table>/g,
    )) {
      const ranks = [...t[0].matchAll(/<tr[^>]*>\s*<td[^>]*\bclass="num"[^>]*>(\d+)<\/td>/g)].map((m) => Number(m[1]));
      rankings.set(t[1]!.trim(), [...(rankings.get(t[1]!.trim()) ?? []), ranks]);
    }
    const split = [...rankings.values()].filter((parts) => parts.length > 1);
    expect(split.length).toBeGreaterThan(0);
    for (const parts of split) {
      expect(Math.max(...parts.map((p) => p.length))).toBe(CHUNK_ROWS);
      const ranks = parts.flat();
      expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    }
  });

  it('no table on any page of the city-like site has more rows than a ledger page', () => {
    const over: string[] = [];
    const walk = (dir: string, rel: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name), `${rel}${e.name}/`);
        else if (e.name === 'index.html') {
          const max = Math.max(0, ...tableRows(readFileSync(join(dir, e.name), 'utf8')));
          if (max > 100) over.push(`/${rel} ${max}`);
        }
      }
    };
    walk(built.outDir, '');
    expect(over.slice(0, 20)).toEqual([]);
  });

  it('the split pages pass axe (WCAG 2.2 AA) on a phone', async () => {
    for (const path of ['/quality/', `/regions/${townships[0]}/`]) {
      const page = await open(path);
      const r = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(r.violations.map((v) => `${path} ${v.id}: ${v.nodes.length}`)).toEqual([]);
      await page.close();
    }
  });
});
