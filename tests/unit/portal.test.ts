/**
 * A portal's pure logic: each member's figures from its open data, the sums
 * of a portal over portals, the stale mark, portal.yaml's validation with
 * located errors, and reading a member's dist (every problem naming the
 * member).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { siteFigures, staleMembers, sumFigures, type Figures, type MemberOpenData } from '../../src/lib/portal.ts';
import { portalSchema } from '../../src/schemas/portal.ts';
import { parseYamlFile } from '../../src/loader/read.ts';
import type { Problem } from '../../src/loader/problems.ts';
import { OPEN_DATA_VERSION } from '../../src/lib/open-data.ts';
import { readMember, readMembers } from '../../scripts/portal/members.ts';
import { membersCsv, linkFrom } from '../../scripts/portal/model.ts';

const reading = (station: string, date: string, cls: string) => ({ station, date, class: cls });

/** A small county's open data, each figure worked out by hand below. */
const OPEN: MemberOpenData = {
  asOf: '2026-10-31',
  patrolPerMonth: { county: 1, township: 1, village: 4 },
  waters: [{ id: 'w1' }, { id: 'w2' }, { id: 'w3' }],
  chiefs: [
    { id: 'c1', region: 'v1', current: ['w1//chief'] },
    { id: 'c2', region: 'v1', current: ['w2//volunteer'] },
    { id: 'c3', region: 't1', current: [] },
  ],
  stations: [
    { id: 's1', target_class: 'III', waterbody: 'river' },
    { id: 's2', target_class: 'II', waterbody: 'river' },
    { id: 's3', target_class: 'III', waterbody: 'river' },
    { id: 's4', target_class: 'III', waterbody: 'lake' },
  ],
  readings: [
    // s1: October's worst result is IV: misses its target III, and is not I–III.
    reading('s1', '2026-09-10', 'II'),
    reading('s1', '2026-10-05', 'II'),
    reading('s1', '2026-10-20', 'IV'),
    // s2: II against target II.
    reading('s2', '2026-10-03', 'II'),
    // s3: nothing in the latest month, so not counted.
    reading('s3', '2026-08-12', 'V'),
  ],
  cases: [
    { status: 'closed', overdue: false },
    { status: 'rectifying', overdue: true },
    { status: 'accepted', overdue: false },
  ],
  accountability: [{ status: 'missing' }, { status: 'pending' }, { status: 'missing' }, { status: 'recorded' }],
  patrols: [
    { chief: 'c1', month: '2026-09', count: 5 },
    { chief: 'c1', month: '2026-10', count: 2 },
    { chief: 'c2', month: '2026-10', count: 9 },
  ],
  assignments: [
    // A village chief from mid-September: owes 4 in September and October.
    { chief: 'c1', role: 'chief', start: '2026-09-15', end: null },
    // A volunteer owes nothing.
    { chief: 'c2', role: 'volunteer', start: '2025-01-01', end: null },
    // A township segment chief who left in January: owes 1 in November, December and January.
    { chief: 'c3', role: 'segment_chief', start: '2020-01-01', end: '2026-01-15' },
  ],
  regions: [
    { code: 'k', level: 'county', parent: null },
    { code: 't1', level: 'township', parent: 'k' },
    { code: 'v1', level: 'village', parent: 't1' },
  ],
};

describe('a county site’s figures from its open data', () => {
  const f = siteFigures(OPEN);

  it('counts waters and the people holding a current post', () => {
    expect(f.waters).toBe(3);
    expect(f.chiefs).toBe(2);
  });

  it('judges water quality in the latest month, each station by its worst result of the month', () => {
    expect(f.quality_month_from).toBe('2026-10');
    expect(f.stations_reported).toBe(2);
    expect(f.stations_meeting_target).toBe(1);
    expect(f.stations_good).toBe(1);
    expect(f.meeting_target_pct).toBe(50);
  });

  it('counts open and overdue cases and missing accountability actions', () => {
    expect(f.cases_open).toBe(2);
    expect(f.cases_overdue).toBe(1);
    expect(f.actions_missing).toBe(2);
  });

  it('rates patrols over the 12 months to as_of, extra patrols in a month not counted', () => {
    // c1: 4 + 4 required, 4 + 2 credited; c3: 3 required, none done.
    expect(f.patrols_required).toBe(11);
    expect(f.patrols_credited).toBe(6);
    expect(f.patrol_rate).toBe(54.5);
  });
});

describe('a portal over portals', () => {
  const a = siteFigures(OPEN);
  const b: Figures = {
    ...a,
    stations_reported: 3,
    stations_meeting_target: 3,
    stations_good: 3,
    quality_month_from: '2026-09',
    quality_month_to: '2026-09',
  };

  it('sums the counts and recomputes each share from the sums, never averaging shares', () => {
    const s = sumFigures([a, b]);
    expect(s.waters).toBe(6);
    expect(s.stations_reported).toBe(5);
    expect(s.meeting_target_pct).toBe(80); // 4/5, not the mean of 50% and 100%
    expect(s.patrol_rate).toBe(54.5);
    expect([s.quality_month_from, s.quality_month_to]).toEqual(['2026-09', '2026-10']);
  });

  it('marks the members whose data is older than the newest', () => {
    const rows = [{ as_of: '2026-10-31' }, { as_of: '2026-09-30' }, { as_of: '2026-10-31' }];
    expect([...staleMembers(rows)]).toEqual([rows[1]]);
    expect(staleMembers(rows.slice(0, 1)).size).toBe(0);
  });
});

describe('portal.yaml', () => {
  const parse = (text: string) => {
    const problems: Problem[] = [];
    return { config: parseYamlFile(portalSchema, text, 'portal.yaml', problems), problems };
  };

  it('reads a valid file, with urls ending in a slash', () => {
    const { config, problems } = parse(
      'name: 示例市\nurl: https://sz.example.gov.cn\nmembers:\n  - { name: 甲县, url: https://sz.example.gov.cn/a, dist: ../a }\n',
    );
    expect(problems).toEqual([]);
    expect(config!.url).toBe('https://sz.example.gov.cn/');
    expect(config!.members[0]!.url).toBe('https://sz.example.gov.cn/a/');
  });

  it('refuses two members at one url, at the line and column of the second, naming both', () => {
    const { config, problems } = parse(
      [
        'name: 示例市',
        'url: https://sz.example.gov.cn/',
        'members:',
        '  - name: 甲县',
        '    url: https://sz.example.gov.cn/a/',
        '    dist: a',
        '  - name: 乙县',
        '    url: https://sz.example.gov.cn/a/',
        '    dist: b',
      ].join('\n'),
    );
    expect(config).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 8, column: 10, field: 'members.1.url' });
    expect(problems[0]!.zh).toContain('乙县');
    expect(problems[0]!.zh).toContain('甲县');
  });

  it('locates a missing field and a url without a host', () => {
    const { problems } = parse(
      'name: 示例市\nurl: /portal/\nmembers:\n  - { name: 甲县, url: https://x.example/a/ }\n',
    );
    expect(problems.map((p) => [p.field, p.line])).toEqual([
      ['url', 2],
      ['members.0.dist', 4],
    ]);
  });
});

describe('reading a member’s dist', () => {
  const root = mkdtempSync(join(tmpdir(), 'portal-unit-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** A dist holding what a portal reads: index.json, the open data, a Pagefind bundle with one page. */
  function dist(name: string, index: Record<string, unknown>, pageUrl = '/waters/w1/'): string {
    const dir = join(root, name);
    mkdirSync(join(dir, 'data'), { recursive: true });
    mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
    writeFileSync(join(dir, 'data', 'index.json'), JSON.stringify(index));
    const { asOf: _a, patrolPerMonth: _p, ...sets } = OPEN;
    for (const [k, rows] of Object.entries(sets)) writeFileSync(join(dir, 'data', `${k}.json`), JSON.stringify(rows));
    writeFileSync(join(dir, 'pagefind', 'pagefind.js'), '');
    writeFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0' }));
    writeFileSync(
      join(dir, 'pagefind', 'fragment', 'x.pf_fragment'),
      gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url: pageUrl })}`)),
    );
    return dir;
  }
  const index = (url: string, extra: Record<string, unknown> = {}) => ({
    kind: 'site',
    version: OPEN_DATA_VERSION,
    url,
    as_of: OPEN.asOf,
    rules: { patrol_per_month: OPEN.patrolPerMonth },
    ...extra,
  });

  it('reads a county site: its figures, and where its search results live', () => {
    const url = 'https://sz.example.gov.cn/a/';
    const m = readMember({ name: '甲县', url, dist: dist('a', index(url)) });
    expect(m.figures).toEqual(siteFigures(OPEN));
    // Pages indexed relative to the site's root: results need the site's url in front.
    expect(m.leaves).toEqual([
      { name: '甲县', group: null, url, bundle: `${url}pagefind/`, base_url: url, pagefind: '1.6.0' },
    ]);
    // Pages indexed with their full path: only the origin.
    const full = readMember({ name: '甲县', url, dist: dist('a-full', index(url), '/a/waters/w1/') });
    expect(full.leaves[0]!.base_url).toBe('https://sz.example.gov.cn/');
  });

  it('names the member whose dist is missing, of another open-data version, or built for another url', () => {
    const url = 'https://sz.example.gov.cn/b/';
    const { members, errors } = readMembers([
      { name: '甲县', url: 'https://sz.example.gov.cn/a/', dist: join(root, 'nowhere') },
      { name: '乙县', url, dist: dist('b1', index(url, { version: OPEN_DATA_VERSION - 1 })) },
      { name: '丙县', url, dist: dist('b2', index('https://hzz.example.org/')) },
    ]);
    expect(members).toEqual([]);
    expect(errors.map((e) => e.member)).toEqual(['甲县', '乙县', '丙县']);
    expect(errors[0]!.message).toContain('dist');
    expect(errors[1]!.en).toContain(`this portal reads version ${OPEN_DATA_VERSION}`);
    expect(errors[2]!.en).toContain('built for https://hzz.example.org/');
  });

  it('names a member whose open data cannot be read', () => {
    const url = 'https://sz.example.gov.cn/c/';
    const dir = dist('c', index(url));
    writeFileSync(join(dir, 'data', 'cases.json'), '[{"status": "clo');
    expect(() => readMember({ name: '丙县', url, dist: dir })).toThrow(/丙县.*cases\.json/);
  });
});

describe('the portal’s open data', () => {
  it('writes members.csv with the open-data CSV rules: BOM, CRLF, formula cells guarded', () => {
    const row = {
      ...siteFigures(OPEN),
      name: '=甲县',
      url: 'https://x/',
      kind: 'site' as const,
      as_of: '2026-10-31',
      stale: true,
    };
    const csv = membersCsv([row]);
    expect(csv.startsWith('\uFEFFname,url,kind,as_of,stale,waters,')).toBe(true);
    expect(csv.split('\r\n')[1]).toMatch(/^'=甲县,https:\/\/x\/,site,2026-10-31,true,3,2,/);
  });

  it('links to members on its own host by path, to other hosts in full', () => {
    expect(linkFrom('https://sz.example.gov.cn/p/', 'https://sz.example.gov.cn/a/waters/')).toBe('/a/waters/');
    expect(linkFrom('https://sz.example.gov.cn/', 'https://other.example.gov.cn/a/')).toBe(
      'https://other.example.gov.cn/a/',
    );
  });
});
