/**
 * A city's portal over two county sites, and a province's portal over the
 * city's, as they are published: the counties under /a/ and /b/ of one host,
 * the city's portal at its root, the province's under /p/.
 *
 * The counties are two small generated folders (the bench generator at a
 * tiny size, different seeds, the second a month older), each built as its
 * office would build it (astro build, then the search index). The portals
 * are built from the counties' dist folders only. In Chromium the city's
 * search box finds a water of each county, labelled with its county and
 * linking under its path; members.json is checked against each county's
 * own open data and pages; a broken member, a duplicate url and a county
 * under two members each fail the build with the member's name, and leave
 * what was published as it was.
 *
 * The counties are built for https://sz.example.gov.cn/a/ and /b/ (site.yaml
 * url with a path), so their links, assets and search bundles live under
 * /a/ and /b/ (the base path).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { astroBuild, cleanupTemp, runNpx, tempDir, BUILD_OUTPUT, type RunResult } from '../helpers/fixtures.ts';
import { openSite, type Session } from '../helpers/browser.ts';
import { resolvePath } from '../helpers/server.ts';
import { WATER_CLASSES } from '../../src/lib/enums.ts';

const HOST = 'https://sz.example.gov.cn';
const COUNTIES = [
  { key: 'a', name: '甲县', seed: '1', asOf: '2026-10-31' },
  { key: 'b', name: '乙县', seed: '2', asOf: '2026-09-30' },
] as const;

interface Row {
  name: string;
  url: string;
  kind: string;
  as_of: string;
  stale: boolean;
  [k: string]: unknown;
}

let serve: string;
let work: string;
let s: Session;
const dists: Record<string, string> = {};

async function buildCounty(c: (typeof COUNTIES)[number]): Promise<string> {
  const data = tempDir(`river-portal-${c.key}-`);
  const gen = await runNpx([
    'node',
    'scripts/bench/generate.ts',
    '--size',
    '0.003',
    '--seed',
    c.seed,
    '--as-of',
    c.asOf,
    '--out',
    data,
  ]);
  if (gen.code !== 0) throw new Error(`generator failed:\n${gen.output.slice(-2000)}`);
  const site = join(data, 'site.yaml');
  writeFileSync(
    site,
    readFileSync(site, 'utf8')
      .replace(/^url: .*$/m, `url: ${HOST}/${c.key}/`)
      .replace(/^name: .*$/m, `name: ${c.name}河长制信息公开`),
  );
  const built = await astroBuild(data);
  if (built.code !== 0) throw new Error(`build of ${c.name} failed:\n${built.output.slice(-3000)}`);
  const index = await runNpx(['node', 'scripts/search-index.ts', built.outDir], { RIVER_CACHE_DIR: built.cacheDir });
  if (index.code !== 0) throw new Error(`search index of ${c.name} failed:\n${index.output.slice(-2000)}`);
  return built.outDir;
}

/** Write a portal.yaml into the work folder and build it. */
function buildPortal(
  file: string,
  name: string,
  url: string,
  members: { name: string; url: string; dist: string }[],
  out: string,
): Promise<RunResult> {
  const yaml = join(work, file);
  writeFileSync(
    yaml,
    [
      `name: ${name}`,
      `url: ${url}`,
      'members:',
      ...members.flatMap((m) => [`  - name: ${m.name}`, `    url: ${m.url}`, `    dist: ${m.dist}`]),
      '',
    ].join('\n'),
  );
  return runNpx(['node', 'scripts/portal/build.ts', yaml, out]);
}

const countyMembers = () => COUNTIES.map((c) => ({ name: c.name, url: `${HOST}/${c.key}/`, dist: dists[c.key]! }));
const json = <T>(dir: string, rel: string): T => JSON.parse(readFileSync(join(dir, rel), 'utf8')) as T;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  // One at a time: the machine has two cores.
  for (const c of COUNTIES) dists[c.key] = await buildCounty(c);
  work = tempDir('river-portal-yaml-');
  serve = join(tempDir('river-portal-serve-', BUILD_OUTPUT), 'site');
  const city = await buildPortal('city.yaml', '示例市河长制信息公开', `${HOST}/`, countyMembers(), serve);
  if (city.code !== 0) throw new Error(`city portal failed:\n${city.output.slice(-3000)}`);
  for (const c of COUNTIES) cpSync(dists[c.key]!, join(serve, c.key), { recursive: true });
  const province = await buildPortal(
    'province.yaml',
    '示例省河长制信息公开',
    `${HOST}/p/`,
    [{ name: '示例市', url: `${HOST}/`, dist: serve }],
    join(serve, 'p'),
  );
  if (province.code !== 0) throw new Error(`province portal failed:\n${province.output.slice(-3000)}`);
  s = await openSite(serve);
}, 600_000);

afterAll(async () => {
  await s?.close();
  cleanupTemp();
});

/** A water of each county whose name the other county does not have. */
function ownWater(key: string): { id: string; name: string } {
  const mine = json<{ id: string; name: string }[]>(dists[key]!, 'data/waters.json');
  const others = new Set(
    COUNTIES.filter((c) => c.key !== key).flatMap((c) =>
      json<{ name: string }[]>(dists[c.key]!, 'data/waters.json').map((w) => w.name),
    ),
  );
  const w = mine.find((x) => !others.has(x.name) && [...x.name].length >= 3);
  if (!w) throw new Error(`no water of ${key} with a name of its own`);
  return w;
}

/** Hosts the page asked anything of, other than the test server; and every path it asked for. */
const elsewhere = new WeakMap<Page, string[]>();
const asked = new WeakMap<Page, string[]>();

async function search(path: string, q: string, only = ''): Promise<Page> {
  const page = await (await s.context()).newPage();
  const foreign: string[] = [];
  const paths: string[] = [];
  elsewhere.set(page, foreign);
  asked.set(page, paths);
  page.on('request', (r) => {
    paths.push(new URL(r.url()).pathname);
    if (new URL(r.url()).origin !== s.server.origin && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto(s.url(path));
  if (only) await page.getByLabel('只看').selectOption({ label: only });
  const box = page.locator('input[type="search"]');
  await box.fill(q);
  await box.press('Enter');
  await page
    .locator('[data-status]')
    .filter({ hasText: /找到|没有找到|无法使用/ })
    .waitFor({ timeout: 30_000 });
  return page;
}

/** The results on the page: link text, href, county label. */
const results = (page: Page) =>
  page.locator('[data-results] > li').evaluateAll((lis) =>
    lis.map((li) => ({
      title: li.querySelector('a')!.textContent ?? '',
      href: li.querySelector('a')!.getAttribute('href') ?? '',
      county: li.querySelector('.county')?.textContent ?? '',
    })),
  );

describe('the portal’s search over every county', () => {
  for (const c of COUNTIES) {
    it(`finds a water of ${c.name}, labelled with it and linking under /${c.key}/`, async () => {
      const w = ownWater(c.key);
      const page = await search('/', w.name);
      const found = await results(page);
      const hit = found.find((r) => r.title.includes(w.name) && r.href === `/${c.key}/waters/${w.id}/`);
      expect(hit, JSON.stringify(found.slice(0, 5))).toBeDefined();
      expect(hit!.county).toBe(c.name);
      // Every result of this water's name is from its own county, and every link opens a page.
      for (const r of found.filter((x) => x.title.includes(w.name))) expect(r.county).toBe(c.name);
      for (const r of found) expect(resolvePath(serve, r.href), r.href).not.toBeNull();
      // The bundles come from the counties' paths on the portal's host: nothing from anywhere else.
      expect(elsewhere.get(page)).toEqual([]);
      await page.close();
    });
  }

  it('searches one county, loading its bundle alone', async () => {
    const w = ownWater('a');
    const page = await search('/', w.name, '乙县');
    const found = await results(page);
    expect(found.filter((r) => r.href.startsWith('/a/'))).toEqual([]);
    for (const r of found) expect(r.county).toBe('乙县');
    // One county's search loads that county's bundle only.
    expect(asked.get(page)!.filter((p) => p.startsWith('/b/pagefind/')).length).toBeGreaterThan(0);
    expect(asked.get(page)!.filter((p) => p.startsWith('/a/pagefind/'))).toEqual([]);
    await page.close();
  });

  it('searches the counties of a province’s cities, labelled with city and county', async () => {
    const w = ownWater('b');
    const page = await search('/p/', w.name);
    const hit = (await results(page)).find((r) => r.href === `/b/waters/${w.id}/`);
    expect(hit?.county).toBe('示例市 · 乙县');
    await page.close();
  });
});

/** A county's figures recomputed here from its own open data and pages. */
function recompute(dist: string) {
  const waters = json<unknown[]>(dist, 'data/waters.json');
  const chiefs = json<{ current: string[] }[]>(dist, 'data/chiefs.json');
  const cases = json<{ status: string; overdue: boolean }[]>(dist, 'data/cases.json');
  const acc = json<{ status: string }[]>(dist, 'data/accountability.json');
  const readings = json<{ station: string; date: string; class: string | null; meets_target: boolean | null }[]>(
    dist,
    'data/readings.json',
  );
  // Latest month any station reported; each station by all its results of that month.
  const month = readings.reduce((m, r) => (r.class && r.date.slice(0, 7) > m ? r.date.slice(0, 7) : m), '');
  const byStation = new Map<string, { meets: boolean; good: boolean }>();
  for (const r of readings) {
    if (r.date.slice(0, 7) !== month || !r.class) continue;
    const prev = byStation.get(r.station) ?? { meets: true, good: true };
    byStation.set(r.station, {
      meets: prev.meets && r.meets_target === true,
      good: prev.good && WATER_CLASSES.indexOf(r.class as never) <= WATER_CLASSES.indexOf('III'),
    });
  }
  const home = text(readFileSync(join(dist, 'index.html'), 'utf8'));
  const patrols = text(readFileSync(join(dist, 'patrols', 'index.html'), 'utf8'));
  return {
    waters: waters.length,
    chiefs: chiefs.filter((c) => c.current.length > 0).length,
    stations_reported: byStation.size,
    stations_meeting_target: [...byStation.values()].filter((x) => x.meets).length,
    stations_good: [...byStation.values()].filter((x) => x.good).length,
    cases_open: cases.filter((c) => c.status !== 'closed').length,
    cases_overdue: cases.filter((c) => c.overdue).length,
    actions_missing: acc.filter((a) => a.status === 'missing').length,
    home,
    patrolRate: /履职率\s*([\d.]+)%/.exec(patrols)?.[1],
  };
}

describe('members.json', () => {
  it('holds each county’s figures as its own open data and pages give them', () => {
    const rows = json<Row[]>(serve, 'data/members.json');
    expect(rows.map((r) => [r.name, r.url, r.kind, r.as_of])).toEqual(
      COUNTIES.map((c) => [c.name, `${HOST}/${c.key}/`, 'site', c.asOf]),
    );
    for (const c of COUNTIES) {
      const row = rows.find((r) => r.name === c.name)!;
      const { home, patrolRate, ...counts } = recompute(dists[c.key]!);
      expect(row).toMatchObject(counts);
      expect(counts.waters).toBeGreaterThan(0);
      // The county's home page states the same numbers.
      expect(home).toContain(`${row.waters} 个河湖`);
      expect(home).toContain(`${row.chiefs} 名现任`);
      expect(home).toContain(`${row.cases_open} 个问题正在办理，其中 ${row.cases_overdue} 个`);
      expect(home).toContain(`${row.stations_meeting_target}/${row.stations_reported}）`);
      expect(String(row.patrol_rate)).toBe(patrolRate);
    }
  });

  it('is listed in the portal’s index.json, which says it is a portal and which sites it searches', () => {
    const index = json<{
      kind: string;
      version: number;
      leaves: { url: string }[];
      datasets: { json: string; csv: string }[];
    }>(serve, 'data/index.json');
    expect(index.kind).toBe('portal');
    expect(index.leaves.map((l) => l.url)).toEqual(COUNTIES.map((c) => `${HOST}/${c.key}/`));
    expect(index.datasets[0]).toMatchObject({ json: '/data/members.json', csv: '/data/members.csv' });
    const csv = readFileSync(join(serve, 'data', 'members.csv'), 'utf8');
    expect(csv.split('\r\n')[1]).toMatch(/^甲县,https:\/\/sz\.example\.gov\.cn\/a\/,site,2026-10-31,false,/);
  });

  it('of a province sums its city’s members, shares recomputed from the sums', () => {
    const [city] = json<Row[]>(join(serve, 'p'), 'data/members.json');
    const counties = json<Row[]>(serve, 'data/members.json');
    const sum = (k: string) => counties.reduce((n, r) => n + (r[k] as number), 0);
    expect(city).toMatchObject({ name: '示例市', kind: 'portal', as_of: '2026-09-30' });
    for (const k of ['waters', 'chiefs', 'cases_open', 'cases_overdue', 'actions_missing', 'patrols_required'])
      expect(city![k], k).toBe(sum(k));
    expect(city!.meeting_target_pct).toBe(
      Math.round((sum('stations_meeting_target') * 1000) / sum('stations_reported')) / 10,
    );
  });
});

describe('the portal’s table', () => {
  it('marks the county whose data is older, and links each figure to the county’s page showing it', async () => {
    const page = await (await s.context()).newPage();
    await page.goto(s.url('/'));
    const table = page.getByRole('table', { name: /各成员主要数据/ });
    await expect(table.getByRole('row', { name: /乙县/ }).textContent()).resolves.toContain('数据较旧');
    await expect(table.getByRole('row', { name: /甲县/ }).textContent()).resolves.not.toContain('数据较旧');
    const hrefs = await table.locator('tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs).toContain('/a/patrols/');
    expect(hrefs).toContain('/b/accountability/');
    for (const h of hrefs) expect(resolvePath(serve, h), h).not.toBeNull();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // The policy of the page is the one its _headers sends, which adds only what a <meta> cannot carry.
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(readFileSync(join(serve, '_headers'), 'utf8')).toContain(
      `Content-Security-Policy: ${meta}; frame-ancestors 'none'`,
    );
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await page.close();
  });
});

describe('a portal that cannot be built', () => {
  const before = () => readFileSync(join(serve, 'p', 'index.html'), 'utf8');

  it('names the member whose dist is broken, and leaves the published portal as it was', async () => {
    const was = before();
    const broken = join(work, 'broken');
    mkdirSync(join(broken, 'data'), { recursive: true });
    writeFileSync(join(broken, 'data', 'index.json'), '{ "kind": "site", ');
    const r = await buildPortal(
      'broken.yaml',
      '示例省河长制信息公开',
      `${HOST}/p/`,
      [
        { name: '示例市', url: `${HOST}/`, dist: serve },
        { name: '丙市', url: `${HOST}/c/`, dist: broken },
      ],
      join(serve, 'p'),
    );
    expect(r.code).toBe(1);
    expect(r.output).toContain('成员“丙市”');
    expect(r.output).toContain('data/index.json');
    expect(before()).toBe(was);
    expect(existsSync(join(serve, 'c'))).toBe(false);
  });

  it('refuses to replace a folder holding more than a portal, such as the counties published beside it', async () => {
    const r = await buildPortal('city-again.yaml', '示例市河长制信息公开', `${HOST}/`, countyMembers(), serve);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/门户构建不会写入的内容（a、b、p）/);
    expect(existsSync(join(serve, 'a', 'index.html'))).toBe(true);
  });

  it('names the members that share a url', async () => {
    const r = await buildPortal(
      'dup.yaml',
      '示例市',
      `${HOST}/x/`,
      [...countyMembers(), { name: '丙县', url: `${HOST}/a/`, dist: dists.a! }],
      join(work, 'dup-out'),
    );
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/dup\.yaml:\d+:\d+ \[members\.2\.url\].*丙县.*甲县/);
    expect(existsSync(join(work, 'dup-out'))).toBe(false);
  });

  it('names a member whose county is already under another member', async () => {
    const r = await buildPortal(
      'twice.yaml',
      '示例省',
      `${HOST}/q/`,
      [{ name: '示例市', url: `${HOST}/`, dist: serve }, countyMembers()[0]!],
      join(work, 'twice-out'),
    );
    expect(r.code).toBe(1);
    expect(r.output).toContain('成员“甲县”');
    expect(r.output).toContain('示例市');
  });
});
