/**
 * The maps and charts as someone at the riverbank uses them, on a phone
 * (360×740, touch), against the built sample:
 *
 * - the home page's map names every water (a county: all of them) with a
 *   link at least 24 px each way, and tapping a name or a river's line
 *   opens that water's page;
 * - on a 县级 river's and a 县级 lake's page the water "以红色标出" is red;
 * - "离我最近的河湖", with the browser's location placed on 白沙河, lists
 *   白沙河 first, and the location goes into no request;
 * - a station's map-app links carry the station in GCJ-02 (高德) and BD-09
 *   (百度);
 * - printed, a station page shows every chart's numbers and no empty chart
 *   box.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';
import { nearestWaters } from '../../src/lib/nearest.ts';
import { gcj02ToBd09, wgs84ToGcj02 } from '../../src/lib/coords.ts';

const DIST = siteDist();
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

interface Feature {
  properties: { id: string; name: string };
  geometry: { type: string; coordinates: unknown };
}
const geo = JSON.parse(readFileSync(join(DIST, 'data', 'waters.geojson'), 'utf8')) as { features: Feature[] };
const waterName = (id: string) => geo.features.find((f) => f.properties.id === id)!.properties.name;
const stations = JSON.parse(readFileSync(join(DIST, 'data', 'stations.json'), 'utf8')) as {
  id: string;
  name: string;
  lat: number | null;
  lon: number | null;
}[];

let s: Session;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  s = await openSite(DIST);
});
afterAll(async () => {
  await s?.close();
});

async function phonePage(options: Parameters<Session['context']>[0] = {}): Promise<Page> {
  const c = await s.context({ ...PHONE, ...options });
  contexts.push(c);
  return c.newPage();
}

/** "rgb(200, 30, 30)" → [200, 30, 30] */
const rgb = (css: string) =>
  css
    .match(/\d+(\.\d+)?/g)!
    .slice(0, 3)
    .map(Number) as [number, number, number];

describe('map labels', () => {
  it('names every water of the county on the home map, each a link at least 24 px each way', async () => {
    const page = await phonePage();
    await page.goto(s.url('/'));
    const labels = page.locator('figure.map a.label');
    const hrefs = await labels.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(geo.features.map((f) => `/waters/${f.properties.id}/`).sort());
    for (const label of await labels.all()) {
      const box = (await label.boundingBox())!;
      const name = await label.textContent();
      expect(box.height, `${name} tap height`).toBeGreaterThanOrEqual(24);
      expect(box.width, `${name} tap width`).toBeGreaterThanOrEqual(24);
    }
    // The names do not overlap one another.
    const boxes = await Promise.all((await labels.locator('rect').all()).map((r) => r.boundingBox()));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `labels ${i} and ${j} overlap`).toBe(true);
      }
    }
  });

  it('opens the water page when its name is tapped', async () => {
    const page = await phonePage();
    await page.goto(s.url('/'));
    await page.locator('figure.map a.label[href="/waters/baisha-he/"]').tap();
    await page.waitForURL(/\/waters\/baisha-he\/$/);
    expect(await page.locator('h1').textContent()).toBe(waterName('baisha-he'));
  });

  it('opens the water page when a finger lands 10 px beside its line', async () => {
    const page = await phonePage();
    await page.goto(s.url('/'));
    await page.locator('figure.map [data-water="qingxi-he"]').scrollIntoViewIfNeeded();
    // A point of 清溪河's line that no name covers, and the point 10 CSS px below it.
    const spot = await page.evaluate(() => {
      const path = document.querySelector<SVGPathElement>('figure.map [data-water="qingxi-he"]')!;
      const m = path.getScreenCTM()!;
      const total = path.getTotalLength();
      for (let t = 0.05; t < 1; t += 0.05) {
        const p = path.getPointAtLength(total * t);
        const x = m.a * p.x + m.c * p.y + m.e;
        const y = m.b * p.x + m.d * p.y + m.f;
        const on = document.elementFromPoint(x, y);
        const below = document.elementFromPoint(x, y + 10);
        if (on?.closest('a')?.classList.contains('shape') && below?.closest('a')?.classList.contains('shape')) {
          return { x, y: y + 10, href: below.closest('a')!.getAttribute('href') };
        }
      }
      return null;
    });
    expect(spot, 'a stretch of 清溪河 whose line and the 10 px beside it are a link').not.toBeNull();
    expect(spot!.href).toBe('/waters/qingxi-he/');
    await page.touchscreen.tap(spot!.x, spot!.y);
    await page.waitForURL(/\/waters\/qingxi-he\/$/);
  });

  it('draws the page’s own 县级 river and 县级 lake in red, not blue', async () => {
    const page = await phonePage();
    for (const id of ['qingxi-he', 'jing-hu']) {
      await page.goto(s.url(`/waters/${id}/`));
      expect(await page.locator('figure.map figcaption').textContent()).toContain('以红色标出');
      const hl = page.locator(`figure.map path.hl[data-water="${id}"]`);
      const [r, g, b] = rgb(await hl.evaluate((p) => getComputedStyle(p).stroke));
      expect(r, `${id} stroke red`).toBeGreaterThan(150);
      expect(g, `${id} stroke green`).toBeLessThan(90);
      expect(b, `${id} stroke blue`).toBeLessThan(90);
      // Every other water on the map is blue.
      for (const other of await page.locator('figure.map a.shape path:not(.hit)').all()) {
        const [r2, , b2] = rgb(await other.evaluate((p) => getComputedStyle(p).stroke));
        expect(b2).toBeGreaterThan(r2);
      }
    }
  });
});

describe('离我最近的河湖', () => {
  it('lists the water the person stands on first, computed without sending the location', async () => {
    const river = geo.features.find((f) => f.properties.id === 'baisha-he')!;
    const line = river.geometry.coordinates as [number, number][];
    const [lon, lat] = line[Math.floor(line.length / 2)]!;
    const page = await phonePage({ geolocation: { latitude: lat, longitude: lon }, permissions: ['geolocation'] });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.url()} ${r.postData() ?? ''}`));
    await page.goto(s.url('/'));
    await expect.poll(() => page.locator('hz-nearest button').isVisible()).toBe(true);
    expect(await page.locator('hz-nearest').textContent()).toContain('不会发送给本站或任何人');
    await page.locator('hz-nearest button').tap();
    const items = page.locator('hz-nearest ol li');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(3);
    const first = items.first().locator('a');
    expect(await first.textContent()).toBe('白沙河');
    expect(await first.getAttribute('href')).toBe('/waters/baisha-he/');
    expect(await items.first().textContent()).toContain('就在这里');
    // The other two are the next nearest by the same measure.
    const expected = nearestWaters([lon, lat], geo.features, 3).map((w) => w.name);
    expect(await items.locator('a').allTextContents()).toEqual(expected);
    // Neither coordinate appears in any request.
    const coords = [String(lat), String(lon), lat.toFixed(3), lon.toFixed(3)];
    expect(requests.filter((r) => coords.some((c) => r.includes(c)))).toEqual([]);
    expect(requests.some((r) => r.includes('/data/waters.geojson'))).toBe(true);
  });

  it('says so when the location is refused', async () => {
    const page = await phonePage({ permissions: [] });
    await page.goto(s.url('/waters/'));
    await page.locator('hz-nearest button').tap();
    await expect.poll(() => page.locator('hz-nearest [data-status]').textContent()).toContain('没有获得位置权限');
    expect(await page.locator('hz-nearest ol li').count()).toBe(0);
  });
});

describe('map app links', () => {
  it('opens a station in 高德 in GCJ-02 and in 百度 in BD-09', async () => {
    const st = stations.find((x) => x.lat !== null && x.lon !== null)!;
    const page = await phonePage();
    await page.goto(s.url(`/stations/${st.id}/`));
    const amap = new URL((await page.locator('a[data-map-app="amap"]').getAttribute('href'))!);
    const baidu = new URL((await page.locator('a[data-map-app="baidu"]').getAttribute('href'))!);
    const gcj = wgs84ToGcj02([st.lon!, st.lat!]);
    const bd = gcj02ToBd09(gcj);
    const [aLon, aLat] = amap.searchParams.get('position')!.split(',').map(Number);
    const [bLat, bLon] = baidu.searchParams.get('location')!.split(',').map(Number);
    expect(Math.abs(aLon! - gcj[0]) + Math.abs(aLat! - gcj[1])).toBeLessThan(2e-6);
    expect(Math.abs(bLon! - bd[0]) + Math.abs(bLat! - bd[1])).toBeLessThan(2e-6);
    // And neither is the raw WGS-84 point, which would put the pin hundreds of metres off.
    expect(Math.abs(aLon! - st.lon!) + Math.abs(aLat! - st.lat!)).toBeGreaterThan(1e-3);
  });
});

describe('charts in print', () => {
  it('prints each chart of a station page as its numbers, with no empty chart box', async () => {
    const st = stations.find((x) =>
      readFileSync(join(DIST, 'stations', x.id, 'index.html'), 'utf8').includes('<hz-chart'),
    )!;
    const page = await phonePage();
    await page.goto(s.url(`/stations/${st.id}/`));
    const sections = page.locator('section.chart');
    const n = await sections.count();
    expect(n).toBeGreaterThan(0);
    // On screen the tables wait behind their disclosure, and the chart boxes show.
    expect(await sections.first().locator('table').isVisible()).toBe(false);
    expect(await sections.first().locator('[data-chart-box]').isVisible()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    for (let i = 0; i < n; i++) {
      const section = sections.nth(i);
      const title = await section.locator('.title').textContent();
      expect(await section.locator('[data-chart-box]').isVisible(), `${title}: chart box`).toBe(false);
      expect(await section.locator('canvas').isVisible(), `${title}: canvas`).toBe(false);
      const table = section.locator('table');
      expect(await table.isVisible(), `${title}: table`).toBe(true);
      // The numbers printed are the chart's: one row per point, the value in the second column.
      const spec = JSON.parse((await section.locator('hz-chart').getAttribute('data-chart'))!) as {
        labels: string[];
        series: { values: (number | null)[] }[];
      };
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBe(spec.labels.length);
      const values = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent!.trim()));
      // The latest value written as a plain number (not an "L" below-detection value).
      const last = values.findLastIndex((v) => /^[\d.]+$/.test(v));
      expect(last).toBeGreaterThanOrEqual(0);
      expect(await rows.nth(last).locator('th').textContent()).toBe(spec.labels[last]);
      expect(await rows.nth(last).locator('td').first().isVisible()).toBe(true);
      expect(Number(values[last]), `${title}: latest value`).toBeCloseTo(spec.series[0]!.values[last]!, 6);
    }
  });
});
