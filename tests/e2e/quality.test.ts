/**
 * The water-quality pages in Chromium, against a built site (SITE_DIST,
 * default /work/main/dist).
 *
 * - A station page loads Chart.js only when a chart scrolls into view; the
 *   chart is then drawn on its canvas, and its table has one row per value
 *   drawn, which is one per reading of that item in the station's CSV.
 * - /quality/ sorts and filters its station table; the month selector goes
 *   to the month's static page.
 * - Without JS both pages still have their tables.
 * - No request leaves the local server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openSite, type Session } from '../helpers/browser.ts';

const DIST = process.env.SITE_DIST || '/work/main/dist';
const built = existsSync(join(DIST, 'quality', 'index.html')) && existsSync(join(DIST, 'data', 'stations.json'));

interface StationJson {
  id: string;
  name: string;
  latest_class: string | null;
}

/** Rows of a CSV written by the site (BOM, CRLF, no quoted commas in reading rows). */
function csvRows(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
  const names = header!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((c, i) => [names[i]!, c])));
}

describe.skipIf(!built)('water-quality pages (built site)', () => {
  let session: Session;
  let stations: StationJson[];
  let station: StationJson;
  const outside: string[] = [];

  async function newPage(javaScriptEnabled = true): Promise<Page> {
    const context = await session.context({ viewport: { width: 1024, height: 768 }, javaScriptEnabled });
    const page = await context.newPage();
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') outside.push(r.url());
    });
    return page;
  }

  beforeAll(async () => {
    stations = JSON.parse(readFileSync(join(DIST, 'data', 'stations.json'), 'utf8')) as StationJson[];
    station = stations.find((s) => s.latest_class !== null)!;
    session = await openSite(DIST);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('draws a station chart only when it comes into view, with a table of the same values', async () => {
    const page = await newPage();
    const chunks: string[] = [];
    page.on('request', (r) => {
      if (/\/_astro\/.*\.js$/.test(r.url())) chunks.push(r.url());
    });
    await page.goto(session.url(`/stations/${station.id}/`));
    const charts = page.locator('hz-chart');
    expect(await charts.count()).toBeGreaterThan(0);
    const first = charts.first();
    // Below the fold: waiting, and no renderer fetched yet.
    await expect.poll(() => first.getAttribute('data-state')).toBe('waiting');
    const before = chunks.length;
    expect(chunks.some((u) => /render/.test(u))).toBe(false);

    await first.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el?.getAttribute('data-state') === 'drawn', await first.elementHandle(), { timeout: 20_000 });
    expect(chunks.length).toBeGreaterThan(before);

    // Something was painted on the canvas (count non-transparent pixels).
    const painted = await first.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d')!;
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return { n, w: c.width, h: c.height };
    });
    expect(painted.w).toBeGreaterThan(100);
    expect(painted.n).toBeGreaterThan(1000);

    // The table beside it has one row per value drawn, one per reading of the item in the CSV.
    const section = page.locator('section.chart').first();
    const chartId = (await section.getAttribute('data-chart-id'))!;
    const item = chartId.replace(/^trend-/, '');
    const spec = JSON.parse((await first.getAttribute('data-chart'))!) as { labels: string[] };
    const rows = await section.locator('table tbody tr').count();
    expect(rows).toBe(spec.labels.length);
    const readings = csvRows(join(DIST, 'stations', `${station.id}.csv`)).filter((r) => (r[item] ?? '') !== '');
    expect(rows).toBe(readings.length);
    expect(await section.locator('table tbody tr th').allTextContents()).toEqual(readings.map((r) => r.date));

    // Charts further down wait for their turn.
    await expect.poll(() => charts.last().getAttribute('data-state')).toMatch(/waiting|drawn/);
    await page.context().close();
  });

  it('sorts and filters the station table on /quality/', async () => {
    const page = await newPage();
    await page.goto(session.url('/quality/'));
    const table = page.locator('table[data-station-table]');
    const body = table.locator('tbody tr');
    expect(await body.count()).toBe(stations.length);

    // Sort by the month's class: ascending, then descending; rows without a class stay last.
    const header = table.locator('thead th', { hasText: '本月水质' });
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const keys = async () =>
      (await table.locator('tbody tr td:nth-child(6)').evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.sortValue ?? ''))).filter((k) => k !== '').map(Number);
    const asc = await keys();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const desc = await keys();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));

    // Filter: only stations off target.
    const form = page.locator('station-table form');
    expect(await form.isVisible()).toBe(true);
    await form.locator('select[name="meets"]').selectOption('no');
    const shown = () => body.evaluateAll((rs) => rs.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLElement).dataset.meets));
    const off = await shown();
    expect(off.every((m) => m === 'no')).toBe(true);
    expect(off.length).toBe(await table.locator('tbody tr[data-meets="no"]').count());
    expect(await page.locator('station-table [data-status]').textContent()).toContain(off.length === 0 ? '没有符合条件' : String(off.length));

    // Filter by name: the station alone (plus any that share its name).
    await form.locator('select[name="meets"]').selectOption('');
    await form.locator('input[name="q"]').fill(station.name);
    const byName = await body.evaluateAll((rs) => rs.filter((r) => !(r as HTMLElement).hidden).map((r) => r.querySelector('th')!.textContent!.trim()));
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((n) => n.includes(station.name))).toBe(true);

    // The month selector goes to the month's own page.
    const select = page.locator('month-select select');
    const months = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const other = months[1] ?? months[0]!;
    await select.selectOption(other);
    await page.locator('month-select button[type="submit"]').click();
    await page.waitForURL(`**/quality/${other}/`);
    expect(await page.locator('table[data-station-table] tbody tr').count()).toBe(stations.length);
    await page.context().close();
  });

  it('keeps every table without JS', async () => {
    const page = await newPage(false);
    await page.goto(session.url(`/stations/${station.id}/`));
    const charts = await page.locator('section.chart').count();
    expect(charts).toBeGreaterThan(0);
    expect(await page.locator('section.chart table').count()).toBe(charts);
    expect(await page.locator('[data-chart-box]:visible').count()).toBe(0);
    expect(await page.locator('table').count()).toBeGreaterThan(charts);
    await page.goto(session.url('/quality/'));
    expect(await page.locator('table[data-station-table] tbody tr').count()).toBe(stations.length);
    expect(await page.locator('month-select nav a').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('sends no request off the local server', () => {
    expect(outside).toEqual([]);
  });
});
