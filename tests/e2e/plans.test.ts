/**
 * What the work plans make public, checked from outside: the black-odorous
 * list, the outlets, the office and the participation pages against the data
 * folder's own files (src/content, or RIVER_DATA_DIR), in Chromium; the new
 * open datasets against the same files; the outlet figure of /targets/
 * recomputed from /data/outlets.json alone; every Atom feed parsed as XML and
 * checked against RFC 4287's required elements; the calendar parsed with
 * ical.js and compared with the open cases of /data/cases.json.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeText, parseCsv } from '../../src/lib/csv.ts';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';

const dist = siteDist();
const DATA = process.env.RIVER_DATA_DIR ?? join(import.meta.dirname, '..', '..', 'src', 'content');
type Row = Record<string, string>;
function table(file: string): Row[] {
  const path = join(DATA, file);
  if (!existsSync(path)) return [];
  const { records } = parseCsv(decodeText(readFileSync(path)).text);
  const [head, ...rows] = records;
  return rows.map((r) => Object.fromEntries(head!.cells.map((h, i) => [h.trim(), (r.cells[i] ?? '').trim()])));
}
const site = parseYaml(readFileSync(join(DATA, 'site.yaml'), 'utf8')) as {
  as_of: string | Date;
  office: { members?: { unit: string; duty: string }[] };
  participation?: { how_to_join: string; contact: string };
};
const asOf = site.as_of instanceof Date ? site.as_of.toISOString().slice(0, 10) : String(site.as_of);
const json = <T>(f: string) => JSON.parse(readFileSync(join(dist, f), 'utf8')) as T;

const waters = new Map(table('waters.csv').map((w) => [w.id!, w]));
const chiefs = new Map(table('chiefs.csv').map((c) => [c.id!, c]));
const bo = table('black-odorous.csv');
const outlets = table('outlets.csv');
const assignments = table('assignments.csv');

let s: Session;
let page: Page;
beforeAll(async () => {
  s = await openSite(dist);
  page = await (await s.context()).newPage();
});
afterAll(async () => s?.close());

/** The body rows of the page's first table: each cell's text. */
async function rowsOf(path: string): Promise<string[][]> {
  await page.goto(s.url(path));
  return page.$$eval('main table tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
}

describe('/black-odorous/', () => {
  const open = (r: Row) => r.status === 'listed' || r.status === 'treating';
  const overdue = (r: Row) => open(r) && asOf > r.deadline!;

  it('lists every entry of black-odorous.csv, overdue first, then open, then eliminated', async () => {
    const rows = await rowsOf('/black-odorous/');
    expect(rows).toHaveLength(bo.length);
    const rank = (r: Row) => (overdue(r) ? 0 : open(r) ? 1 : 2);
    const want = [...bo].sort((a, b) => rank(a) - rank(b) || a.deadline!.localeCompare(b.deadline!));
    expect(rows.map((r) => r[0])).toEqual(want.map((r) => waters.get(r.water!)!.name));
    rows.forEach((cells, i) => {
      const r = want[i]!;
      expect(cells[3], 'responsible').toBe(chiefs.get(r.responsible!)!.name);
      expect(cells[4]).toBe(r.unit);
      expect(cells[7]!.includes('已逾期'), `${r.water} ${r.segment}`).toBe(overdue(r));
    });
  });

  it('links each responsible chief to their page', async () => {
    await page.goto(s.url('/black-odorous/'));
    const hrefs = await page.$$eval('main tbody tr td:nth-child(4) a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining([...new Set(bo.map((r) => `/chiefs/${r.responsible}/`))]));
  });
});

describe('/outlets/', () => {
  it('counts outlets by status as outlets.csv has them and lists every one', async () => {
    const rows = await rowsOf('/outlets/');
    expect(rows.map((r) => r[1]).sort()).toEqual(outlets.map((o) => o.id).sort());
    const text = await page.textContent('main');
    const n = (status: string) => outlets.filter((o) => o.status === status).length;
    expect(text).toContain(
      `已规范 ${n('compliant')} 个，整治中 ${n('rectifying')} 个，已封堵 ${n('closed')} 个，情况不明 ${n('unknown')} 个`,
    );
  });

  it('draws every outlet with a position on the maps, hollow while not yet regulated, and no name hides one', async () => {
    const placed = outlets.filter((o) => o.lat && o.lon);
    const drawn = async () =>
      page.$$eval('svg circle[data-outlet]', (cs) =>
        cs.map((c) => {
          const r = c.getBoundingClientRect();
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          // What a person sees at the marker's centre: the marker itself, not a name's chip.
          const top = document.elementFromPoint(x, y);
          return {
            id: c.getAttribute('data-outlet')!,
            open: c.classList.contains('open'),
            seen: top === c || c.contains(top),
          };
        }),
      );
    await page.goto(s.url('/outlets/'));
    const all = await drawn();
    expect(all.map((c) => c.id).sort()).toEqual(placed.map((o) => o.id!).sort());
    for (const c of all) {
      const status = outlets.find((o) => o.id === c.id)!.status!;
      expect(c.open, c.id).toBe(status === 'unknown' || status === 'rectifying');
      expect(c.seen, c.id).toBe(true);
    }
    const water = placed[0]!.water!;
    await page.goto(s.url(`/waters/${water}/`));
    expect((await drawn()).map((c) => c.id).sort()).toEqual(
      placed
        .filter((o) => o.water === water)
        .map((o) => o.id!)
        .sort(),
    );
    expect(await page.textContent('.map figcaption')).toContain('圆圈为入河排污口');
  });

  it('the regulated share on /targets/ is recomputed from /data/outlets.json alone', () => {
    const published = json<{ status: string }[]>('data/outlets.json');
    const regulated = published.filter((o) => o.status === 'compliant' || o.status === 'closed').length;
    const want = Math.round((regulated * 1000) / published.length) / 10;
    const target = json<{ metric: string | null; computed: number | null }[]>('data/targets.json').find(
      (t) => t.metric === 'outlets_regulated',
    );
    expect(target?.computed).toBe(want);
  });
});

describe('/office/ and /participation/', () => {
  it('shows every member unit with its duty', async () => {
    const rows = await rowsOf('/office/');
    const members = site.office.members ?? [];
    expect(members.length).toBeGreaterThan(0);
    for (const m of members) expect(rows).toContainEqual([m.unit, m.duty]);
  });

  it('lists the current participants by water, with a phone only where chiefs.csv has one', async () => {
    const participant = (a: Row) =>
      ['civic_chief', 'supervisor', 'volunteer'].includes(a.role!) && a.start! <= asOf && (!a.end || a.end > asOf);
    const want = assignments.filter(participant);
    await page.goto(s.url('/participation/'));
    const people = await page.$$eval('main tbody tr', (trs) =>
      trs.map((tr) => {
        const cells = [...tr.children].map((c) => (c.textContent ?? '').trim());
        return { name: cells[2], phone: cells[4] };
      }),
    );
    expect(people.map((p) => p.name).sort()).toEqual(want.map((a) => chiefs.get(a.chief!)!.name).sort());
    for (const p of people) {
      const c = [...chiefs.values()].find((x) => x.name === p.name)!;
      expect(p.phone, p.name).toBe(c.phone ? c.phone : '未公布');
    }
    // A former volunteer is not listed.
    const former = assignments.filter((a) => a.role === 'volunteer' && a.end && a.end <= asOf).map((a) => a.chief);
    for (const id of former)
      if (!want.some((a) => a.chief === id)) expect(people.map((p) => p.name)).not.toContain(chiefs.get(id!)!.name);
  });
});

describe('more open data', () => {
  const index = json<{ datasets: { name: string; json: string; csv: string; rows: number }[] }>('data/index.json');

  it('publishes every table the figures come from, in JSON and CSV, listed in index.json', () => {
    const names = index.datasets.map((d) => d.name);
    for (const n of [
      'regions',
      'segments',
      'assignments',
      'case-events',
      'patrols',
      'actions',
      'targets',
      'documents',
      'accountability',
    ])
      expect(names).toContain(n);
    if (outlets.length) expect(names).toContain('outlets');
    if (bo.length) expect(names).toContain('black-odorous');
    for (const d of index.datasets) {
      expect(existsSync(join(dist, d.json)), d.json).toBe(true);
      expect(existsSync(join(dist, d.csv)), d.csv).toBe(true);
      expect(json<unknown[]>(d.json.slice(1)).length, d.name).toBe(d.rows);
    }
  });

  it('lists the waters’ geometry in index.json with as many features as waters.geojson has', () => {
    const index = json<{ geo: { url: string; features: number }[] }>('data/index.json');
    const geo = json<{ features: { properties: { id: string } }[] }>('data/waters.geojson');
    expect(index.geo).toEqual([
      expect.objectContaining({ url: '/data/waters.geojson', features: geo.features.length }),
    ]);
    expect(geo.features.length).toBeGreaterThan(0);
  });

  it("outlets, black-odorous, case events and patrols hold the office's rows", () => {
    expect(
      json<{ id: string; status: string }[]>('data/outlets.json')
        .map((o) => `${o.id}/${o.status}`)
        .sort(),
    ).toEqual(outlets.map((o) => `${o.id}/${o.status}`).sort());
    expect(
      json<{ water: string; deadline: string }[]>('data/black-odorous.json')
        .map((r) => `${r.water}/${r.deadline}`)
        .sort(),
    ).toEqual(bo.map((r) => `${r.water}/${r.deadline}`).sort());
    expect(json<unknown[]>('data/case-events.json')).toHaveLength(table('case-events.csv').length);
    const patrols = json<{ chief: string; month: string; count: number }[]>('data/patrols.json');
    expect(patrols.map((p) => `${p.chief}/${p.month}/${p.count}`).sort()).toEqual(
      table('patrols.csv')
        .map((p) => `${p.chief}/${p.month}/${Number(p.count)}`)
        .sort(),
    );
  });

  it('documents.json has every document of the folder, frontmatter only', () => {
    const ids = readdirSync(join(DATA, 'documents'))
      .filter((f) => /\.mdx?$/.test(f))
      .map((f) => f.replace(/\.mdx?$/, ''));
    const docs = json<Record<string, unknown>[]>('data/documents.json');
    expect(docs.map((d) => d.id).sort()).toEqual(ids.sort());
    for (const d of docs) expect(Object.keys(d)).not.toContain('body');
  });
});

describe('feeds and calendar', () => {
  const xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['entry', 'link', 'category'].includes(name),
  });
  const feeds = [
    'feed.xml',
    ...[...waters.keys()].map((w) => `waters/${w}/feed.xml`),
    ...table('regions.csv')
      .filter((r) => r.level === 'township')
      .map((r) => `regions/${r.code}/feed.xml`),
  ];

  it('every water and every township has an Atom feed with the elements RFC 4287 requires', () => {
    for (const f of feeds) {
      const doc = xml.parse(readFileSync(join(dist, f), 'utf8')) as { feed: Record<string, unknown> };
      const feed = doc.feed as {
        '@xmlns': string;
        id: string;
        title: unknown;
        updated: string;
        author: unknown;
        link: { '@rel'?: string; '@href': string }[];
        entry?: { id: string; title: unknown; updated: string; link: { '@href': string }[] }[];
      };
      expect(feed['@xmlns'], f).toBe('http://www.w3.org/2005/Atom');
      expect(feed.id && feed.title && feed.updated && feed.author, f).toBeTruthy();
      expect(feed.link.find((l) => l['@rel'] === 'self')?.['@href'], f).toBe(
        new URL(f, 'https://hzz.example.org/').href,
      );
      const entries = feed.entry ?? [];
      expect(new Set(entries.map((e) => e.id)).size, f).toBe(entries.length);
      for (const e of entries) expect(e.id && e.title && e.updated && e.link[0]?.['@href'], f).toBeTruthy();
    }
  });

  it("a water's feed carries its stations' results and its cases, and nothing of other waters", () => {
    const stations = json<{ id: string; water: string }[]>('data/stations.json');
    const cases = json<{ id: string; water: string }[]>('data/cases.json');
    const w = stations[0]!.water;
    const feed = (
      xml.parse(readFileSync(join(dist, `waters/${w}/feed.xml`), 'utf8')) as {
        feed: { entry: { link: { '@href': string }[] }[] };
      }
    ).feed;
    const links = feed.entry.map((e) => new URL(e.link[0]!['@href']).pathname);
    const mine = new Set([
      ...stations.filter((x) => x.water === w).map((x) => `/stations/${x.id}/`),
      ...cases.filter((c) => c.water === w).map((c) => `/cases/${c.id}/`),
    ]);
    expect(links.some((l) => l.startsWith('/stations/'))).toBe(true);
    for (const l of links) if (l.startsWith('/stations/') || l.startsWith('/cases/')) expect(mine.has(l), l).toBe(true);
  });

  it('the calendar parses as iCalendar and has the deadline of every case not closed', () => {
    const cal = new ICAL.Component(ICAL.parse(readFileSync(join(dist, 'calendar.ics'), 'utf8')));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const open = json<{ id: string; status: string; deadline: string }[]>('data/cases.json').filter(
      (c) => c.status !== 'closed',
    );
    for (const c of open) {
      const e = events.find((x) => x.uid.startsWith(`case-${c.id}-`));
      expect(e, c.id).toBeDefined();
      expect(e!.startDate.toString()).toBe(c.deadline);
    }
    expect(events.filter((e) => e.uid.startsWith('case-'))).toHaveLength(open.length);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });
});

describe('/data/methods/', () => {
  it('names, for every figure, a rule that exists on the site and datasets that are published', async () => {
    await page.goto(s.url('/data/methods/'));
    const sections = await page.$$eval('main section', (els) =>
      els.map((el) => ({ id: el.id, links: [...el.querySelectorAll('a')].map((a) => a.getAttribute('href')!) })),
    );
    expect(sections.length).toBeGreaterThanOrEqual(10);
    const index = json<{ datasets: { csv: string; json: string }[] }>('data/index.json');
    const files = new Set(index.datasets.flatMap((d) => [d.csv, d.json]));
    for (const sec of sections) {
      for (const href of sec.links) {
        const [path, hash] = href.split('#');
        if (path!.startsWith('/data/') && /\.(csv|json)$/.test(path!)) {
          expect(files.has(path!), `${sec.id}: ${href}`).toBe(true);
          continue;
        }
        const res = await page.request.get(s.url(path!));
        expect(res.ok(), `${sec.id}: ${href}`).toBe(true);
        if (hash) expect(await res.text(), `${sec.id}: ${href}`).toContain(`id="${hash}"`);
      }
    }
  });
});
