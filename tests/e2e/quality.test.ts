/**
 * The water-quality pages in Chromium, against the built sample
 * (tests/helpers/site.ts siteDist()).
 *
 * - A station page loads Chart.js only when a chart scrolls into view; the
 *   chart is then drawn on its canvas, and its table has one row per value
 *   drawn, which is one per reading of that item in the station's CSV.
 * - /quality/ sorts and filters its station table; the month selector goes
 *   to the month's static page.
 * - Without JS both pages still have their tables.
 * - A result's main pollutants and black-odorous grade on the station page
 *   are those of /data/readings.json; 东门沟入河口 on 2024-07-11, checked
 *   against the sample's CSV, names NH3-N and TP (both 劣V) first, and its
 *   summer results are 轻度黑臭.
 * - Every month of readings.json has an overview page, and every link to
 *   a month page on any page of the site resolves.
 * - No request leaves the local server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';
import { READING_ITEMS, type ReadingItem } from '../../src/lib/enums.ts';
import { classOfValue } from '../../src/lib/gb3838.ts';

const DIST = siteDist();
const SAMPLE = join(import.meta.dirname, '..', '..', 'src', 'content');

interface StationJson {
  id: string;
  name: string;
  latest_class: string | null;
}

interface ReadingJson {
  station: string;
  date: string;
  class: string | null;
  main_pollutants: ReadingItem[];
  black_odorous: 'none' | 'light' | 'heavy' | null;
  [item: string]: unknown;
}

const GRADE_WORDS = { none: '无黑臭', light: '轻度黑臭', heavy: '重度黑臭' } as const;

/** '2024-07-11' → '2024年7月11日', as the pages write dates. */
const dateZh = (d: string) =>
  `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${d.length > 7 ? `${Number(d.slice(8, 10))}日` : ''}`;

/** Every HTML file under dist, relative to it. */
function htmlFiles(dir = DIST, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) htmlFiles(p, out);
    else if (e.name.endsWith('.html')) out.push(relative(DIST, p));
  }
  return out;
}

/** Rows of a CSV written by the site (BOM, CRLF, no quoted commas in reading rows). */
function csvRows(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const names = header!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((c, i) => [names[i]!, c])));
}

describe('water-quality pages (built site)', () => {
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
    await page.waitForFunction((el) => el?.getAttribute('data-state') === 'drawn', await first.elementHandle(), {
      timeout: 20_000,
    });
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
      (
        await table
          .locator('tbody tr td:nth-child(6)')
          .evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.sortValue ?? ''))
      )
        .filter((k) => k !== '')
        .map(Number);
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
    const shown = () =>
      body.evaluateAll((rs) =>
        rs.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLElement).dataset.filterMeets),
      );
    const off = await shown();
    expect(off.every((m) => m === 'no')).toBe(true);
    expect(off.length).toBe(await table.locator('tbody tr[data-filter-meets="no"]').count());
    expect(await page.locator('station-table [data-filter-count]').textContent()).toContain(
      off.length === 0 ? '没有符合条件' : String(off.length),
    );

    // Filter by name: the station alone (plus any that share its name).
    await form.locator('select[name="meets"]').selectOption('');
    await form.locator('input[name="q"]').fill(station.name);
    const byName = await body.evaluateAll((rs) =>
      rs.filter((r) => !(r as HTMLElement).hidden).map((r) => r.querySelector('th')!.textContent!.trim()),
    );
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

  it("shows each result's main pollutants as readings.json lists them, 东门沟入河口 2024-07-11 led by NH3-N and TP", async () => {
    const dongmen = stations.find((x) => x.name === '东门沟入河口')!;
    expect(dongmen).toBeDefined();
    // From the sample itself: on 2024-07-11 TP is 劣V (above the class V limit 0.4), and so is NH3-N, further above its limit.
    const row = csvRows(join(SAMPLE, 'readings', '2024.csv')).find(
      (r) => r.station === dongmen.id && r.date === '2024-07-11',
    )!;
    expect(classOfValue('tp', Number(row.tp), 'river')).toBe('劣V');
    expect(classOfValue('nh3n', Number(row.nh3n), 'river')).toBe('劣V');
    expect(Number(row.nh3n) / 1.0).toBeGreaterThan(Number(row.tp) / 0.2);

    const readings = (JSON.parse(readFileSync(join(DIST, 'data', 'readings.json'), 'utf8')) as ReadingJson[]).filter(
      (r) => r.station === dongmen.id,
    );
    const page = await newPage();
    await page.goto(session.url(`/stations/${dongmen.id}/`));
    const table = page.locator('section[aria-labelledby="results-title"] table');
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        date: tr.querySelector('th')!.textContent!.trim(),
        pollutants: tr.querySelectorAll('td')[2]!.textContent!.trim(),
      })),
    );
    expect(rows).toHaveLength(readings.length);
    for (const r of readings) {
      const shown = rows.find((x) => x.date === dateZh(r.date))!;
      expect(shown, r.date).toBeDefined();
      // Each main pollutant of readings.json, in its order, by its name on the page.
      const names = r.main_pollutants.map((item) => READING_ITEMS[item].label);
      const at = names.map((n) => shown.pollutants.indexOf(`${n}（`));
      expect(
        at.every((i) => i >= 0),
        `${r.date}: ${shown.pollutants}`,
      ).toBe(true);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      if (names.length === 0) expect(shown.pollutants).toMatch(/^无|^—$/);
    }
    const july = rows.find((x) => x.date === '2024年7月11日')!;
    expect(july.pollutants).toMatch(
      /^氨氮（超Ⅲ类标准 [\d.]+ 倍）、总磷（超Ⅲ类标准 [\d.]+ 倍）、溶解氧（0\.9 mg\/L，低于Ⅲ类标准 5 mg\/L）$/,
    );
    expect(readings.find((r) => r.date === '2024-07-11')!.main_pollutants).toEqual(['nh3n', 'tp', 'do']);
    await page.context().close();
  });

  it("grades 东门沟入河口's results as black-odorous water in words, as readings.json does, with the rule one link away", async () => {
    const dongmen = stations.find((x) => x.name === '东门沟入河口')!;
    const readings = (JSON.parse(readFileSync(join(DIST, 'data', 'readings.json'), 'utf8')) as ReadingJson[]).filter(
      (r) => r.station === dongmen.id,
    );
    const page = await newPage();
    await page.goto(session.url(`/stations/${dongmen.id}/`));
    const section = page.locator('section[aria-labelledby="black-odorous-title"]');
    const rows = await section.locator('table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        date: tr.querySelector('th')!.textContent!.trim(),
        grade: [...tr.querySelectorAll('td')].at(-1)!.textContent!.trim(),
      })),
    );
    const graded = readings.filter((r) => r.black_odorous !== null);
    expect(rows).toHaveLength(graded.length);
    for (const r of graded)
      expect(rows.find((x) => x.date === dateZh(r.date))?.grade, r.date).toBe(GRADE_WORDS[r.black_odorous!]);
    // The summers of 2024 and 2025: transparency, DO, ORP and NH3-N all in the light range.
    for (const date of ['2024-07-11', '2024-08-14', '2025-07-15', '2025-08-12']) {
      expect(rows.find((x) => x.date === dateZh(date))?.grade, date).toBe('轻度黑臭');
      const r = readings.find((x) => x.date === date)!;
      expect(Number(r.transparency_cm)).toBeGreaterThanOrEqual(10);
      expect(Number(r.transparency_cm)).toBeLessThanOrEqual(25);
      expect(Number(r.do)).toBeLessThanOrEqual(2);
      expect(Number(r.orp_mv)).toBeLessThanOrEqual(50);
      expect(Number(r.nh3n)).toBeGreaterThanOrEqual(8);
    }
    // The record in words: how many, and the latest.
    const light = graded.filter((r) => r.black_odorous === 'light');
    const latest = light
      .map((r) => r.date)
      .sort()
      .at(-1)!;
    const record = (await section.locator('.record').textContent())!;
    expect(record).toContain(`有 ${light.length} 次达到轻度黑臭`);
    expect(record).toContain(`最近一次为${dateZh(latest)}（轻度黑臭）`);
    // The link to the rule lands on its explanation on /quality/.
    const link = section.locator('a[href="/quality/#black-odorous"]');
    expect(await link.count()).toBe(1);
    await link.click();
    await page.waitForURL('**/quality/#black-odorous');
    const rule = page.locator('#black-odorous');
    expect(await rule.isVisible()).toBe(true);
    expect(await page.locator('#methods table').textContent()).toContain('8–15');
    await page.context().close();
  });

  it('publishes main_pollutants and black_odorous in readings.json and .csv, described in index.json', () => {
    const json = JSON.parse(readFileSync(join(DIST, 'data', 'readings.json'), 'utf8')) as ReadingJson[];
    const csv = csvRows(join(DIST, 'data', 'readings.csv'));
    expect(csv).toHaveLength(json.length);
    json.forEach((r, i) => {
      expect(Array.isArray(r.main_pollutants)).toBe(true);
      expect(r.main_pollutants.length).toBeLessThanOrEqual(3);
      expect([null, 'none', 'light', 'heavy']).toContain(r.black_odorous);
      // a result of class III or better has none
      if (r.class === null || ['I', 'II', 'III'].includes(r.class)) expect(r.main_pollutants).toEqual([]);
      else expect(r.main_pollutants.length).toBeGreaterThan(0);
      expect(csv[i]!.main_pollutants).toBe(r.main_pollutants.join(';'));
      expect(csv[i]!.black_odorous).toBe(r.black_odorous ?? '');
    });
    const index = JSON.parse(readFileSync(join(DIST, 'data', 'index.json'), 'utf8')) as {
      datasets: { name: string; fields: { name: string; description: string }[] }[];
    };
    const fields = index.datasets.find((d) => d.name === 'readings')!.fields;
    expect(fields.find((f) => f.name === 'main_pollutants')?.description).toMatch(/Ⅲ类/);
    expect(fields.find((f) => f.name === 'black_odorous')?.description).toMatch(/light/);
    // A station's own CSV says the same as the open data.
    const station = json.find((r) => r.main_pollutants.length > 1)!.station;
    const own = csvRows(join(DIST, 'stations', `${station}.csv`));
    expect(own.map((r) => [r.date, r.main_pollutants, r.black_odorous])).toEqual(
      json
        .filter((r) => r.station === station)
        .map((r) => [r.date, r.main_pollutants.join(';'), r.black_odorous ?? '']),
    );
  });

  it('has a month page for every month of readings.json, each in the month selector', async () => {
    const json = JSON.parse(readFileSync(join(DIST, 'data', 'readings.json'), 'utf8')) as ReadingJson[];
    const months = [...new Set(json.map((r) => r.date.slice(0, 7)))].sort();
    expect(months.length).toBeGreaterThan(12);
    for (const m of months) expect(existsSync(join(DIST, 'quality', m, 'index.html')), m).toBe(true);
    const page = await newPage();
    await page.goto(session.url(`/quality/${months[0]}/`));
    const options = await page
      .locator('month-select select option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect([...options].sort()).toEqual(months);
    const links = await page.locator('month-select nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect([...links].sort()).toEqual(months.map((m) => `/quality/${m}/`));
    expect(await page.locator('month-select nav a[aria-current="page"]').getAttribute('href')).toBe(
      `/quality/${months[0]}/`,
    );
    // The oldest month's page lists its stations' main pollutants beside each class.
    const header = await page.locator('table[data-station-table] thead th').allTextContents();
    expect(header.map((h) => h.trim())).toContain('主要污染指标');
    await page.context().close();
  });

  it('every link to a month page, on every page, resolves', () => {
    const broken: string[] = [];
    let count = 0;
    for (const file of htmlFiles()) {
      const html = readFileSync(join(DIST, file), 'utf8');
      for (const m of html.matchAll(/href="\/quality\/(\d{4}-\d{2})\/(?:[?#][^"]*)?"/g)) {
        count++;
        if (!existsSync(join(DIST, 'quality', m[1]!, 'index.html'))) broken.push(`${file}: ${m[1]}`);
      }
    }
    expect(count).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });

  it('sends no request off the local server', () => {
    expect(outside).toEqual([]);
  });
});
