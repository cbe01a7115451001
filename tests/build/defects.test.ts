/**
 * The real build on fixture data folders (tests/fixtures/README.md):
 * the valid fixture builds and publishes what its files say; every defect
 * fixture makes both `check-data` and `astro build` exit non-zero with a
 * report naming the file and line of each problem. The build-failing
 * integration stops before anything is rendered, so each failed build takes
 * a few seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataFolder } from '../../src/loader/index.ts';
import { astroBuild, checkData, cleanupTemp, defectKinds, makeFixture, type BuildResult } from '../helpers/fixtures.ts';

afterAll(cleanupTemp);

const timings: string[] = [];
afterAll(() => {
  if (timings.length) console.log(`build test timings:\n  ${timings.join('\n  ')}`);
});

describe('the valid fixture', () => {
  const dir = makeFixture();
  const { folder, problems } = loadDataFolder(dir);
  const asOf = folder.site!.as_of;
  let build: BuildResult;

  beforeAll(async () => {
    expect(problems).toEqual([]);
    build = await astroBuild(dir);
    timings.push(`valid build: ${build.ms} ms`);
  });

  const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(build.outDir, path), 'utf8')) as T;

  it('builds (exit 0)', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
  });

  it('check-data passes on it', async () => {
    const r = await checkData(dir);
    expect(r.code, r.output).toBe(0);
    expect(r.stdout).toContain('数据检查通过');
  });

  it('has a page for every water naming every current chief with a link to their page', () => {
    for (const w of folder.waters) {
      const page = join(build.outDir, 'waters', w.data.id, 'index.html');
      expect(existsSync(page), page).toBe(true);
      const html = readFileSync(page, 'utf8');
      expect(html).toContain(w.data.name);
      const current = folder.assignments.filter(
        (a) => a.data.water === w.data.id && a.data.start <= asOf && (!a.data.end || a.data.end > asOf),
      );
      expect(current.length, w.data.id).toBeGreaterThan(0);
      for (const a of current) {
        const chief = folder.chiefs.find((c) => c.data.id === a.data.chief)!.data;
        expect(html, `${w.data.id}: ${chief.name}`).toContain(chief.name);
        expect(html, `${w.data.id}: /chiefs/${chief.id}/`).toContain(`href="/chiefs/${chief.id}/"`);
      }
    }
  });

  it('publishes the replacement, not the chief who left, as the current chief', () => {
    const waters = readJson<{ id: string; current_chiefs: string[] }[]>('data/waters.json');
    const heyuan = waters.find((w) => w.id === 'heyuan-he')!.current_chiefs.join(' ');
    expect(heyuan).toContain('钱淑华');
    expect(heyuan).not.toContain('孙海涛');
    const chiefs = readJson<{ id: string; current: string[] }[]>('data/chiefs.json');
    expect(chiefs.find((c) => c.id === 'sun-haitao')!.current).toEqual([]);
    expect(chiefs.find((c) => c.id === 'qian-shuhua')!.current.sort()).toEqual([
      'heyuan-he//chief',
      'jingbo-hu//chief',
    ]);
    expect(existsSync(join(build.outDir, 'chiefs', 'sun-haitao', 'index.html'))).toBe(true);
  });

  it('publishes /data/index.json with the as_of date and the row count of each dataset', () => {
    const index = readJson<{ as_of: string; datasets: { name: string; rows: number; fields: { name: string }[] }[] }>(
      'data/index.json',
    );
    expect(index.as_of).toBe('2026-09-30');
    const rows = Object.fromEntries(index.datasets.map((d) => [d.name, d.rows]));
    expect(rows).toMatchObject({ waters: 5, chiefs: 8, stations: 2, readings: 6, cases: 4, inspections: 1 });
    for (const d of index.datasets) {
      expect(d.fields.length, d.name).toBeGreaterThan(0);
      expect(existsSync(join(build.outDir, 'data', `${d.name}.json`)), d.name).toBe(true);
      expect(existsSync(join(build.outDir, 'data', `${d.name}.csv`)), d.name).toBe(true);
      expect(readJson<unknown[]>(`data/${d.name}.json`), d.name).toHaveLength(d.rows);
    }
  });

  it('publishes /data/cases.json whose status and overdue agree with case-events.csv and the deadlines', () => {
    const cases =
      readJson<{ id: string; status: string; overdue: boolean; rejections: number; closed_on: string | null }[]>(
        'data/cases.json',
      );
    const got = Object.fromEntries(cases.map((c) => [c.id, { status: c.status, overdue: c.overdue }]));
    expect(got).toEqual({
      // reported → assigned → rectifying → submitted → closed 2026-04-25, before the deadline 04-30
      'qh-2026-001': { status: 'closed', overdue: false },
      // submitted, then rejected 07-28: back in rectification; deadline 07-31 passed by as_of 09-30
      'qh-2026-002': { status: 'rejected', overdue: true },
      // rectifying; deadline 10-31 is after as_of
      'qh-2026-003': { status: 'rectifying', overdue: false },
      // reported and assigned on the same date: the later row wins; deadline 09-15 passed
      'qh-2026-004': { status: 'assigned', overdue: true },
    });
    expect(cases.find((c) => c.id === 'qh-2026-001')!.closed_on).toBe('2026-04-25');
    expect(cases.find((c) => c.id === 'qh-2026-002')!.rejections).toBe(1);
  });

  it('publishes readings with their class and target, keeping "L" values as written', () => {
    const readings =
      readJson<
        { station: string; date: string; class: string; meets_target: boolean; cu: string | null; cr6: string | null }[]
      >('data/readings.json');
    expect(readings.map((r) => `${r.station} ${r.date} ${r.class} ${r.meets_target}`).sort()).toEqual([
      'heyuan-chujing 2026-07-14 III true',
      'heyuan-chujing 2026-08-12 IV false', // NH3-N 1.22 > 1.0
      'heyuan-chujing 2026-09-15 III true',
      'jingbo-huxin 2026-07-14 III true',
      'jingbo-huxin 2026-08-12 IV false', // lake TP 0.06 > 0.05
      'jingbo-huxin 2026-09-15 III true',
    ]);
    expect(readings.every((r) => r.cr6 === '0.004L')).toBe(true);
  });

  it('publishes inspections with the period label, the comparison and the subject page as the site shows them', () => {
    const rows = readJson<Record<string, unknown>[]>('data/inspections.json');
    // The only result: 柳塘镇 ranked 1st in 2026-Q2, the first assessment, so nothing to compare with.
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'ins-2026-q2-liutang',
        subject_name: '柳塘镇',
        rank: 1,
        score: 86.5,
        period_label: '2026年第二季度',
        previous_period: null,
        rank_change: null,
        score_change: null,
        subject_url: '/regions/880102000000/',
      }),
    ]);
    expect(existsSync(join(build.outDir, 'regions/880102000000/index.html'))).toBe(true);
    const html = readFileSync(join(build.outDir, 'inspections/2026-q2/index.html'), 'utf8');
    expect(html).toContain('无上期可比');
    const csv = readFileSync(join(build.outDir, 'data/inspections.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]!.split(',').slice(-5)).toEqual([
      'period_label',
      'previous_period',
      'rank_change',
      'score_change',
      'subject_url',
    ]);
    expect(csv[1]!.split(',').slice(-5)).toEqual(['2026年第二季度', '', '', '', '/regions/880102000000/']);
  });

  it('renders the documents and the other pages', () => {
    for (const p of [
      'index.html',
      'waters/index.html',
      'documents/index.html',
      'documents/yhyc-heyuan-he/index.html',
      'documents/tongbao-2026-q2/index.html',
      'data/index.html',
    ]) {
      expect(existsSync(join(build.outDir, p)), p).toBe(true);
    }
    for (const c of folder.chiefs)
      expect(existsSync(join(build.outDir, 'chiefs', c.data.id, 'index.html')), c.data.id).toBe(true);
  });

  it("renders the MDX components of a document: a link to the water and the target's current value", () => {
    const html = readFileSync(join(build.outDir, 'documents/fangan-2026/index.html'), 'utf8');
    expect(html).toMatch(/<a[^>]*href="\/waters\/heyuan-he\/"[^>]*>[^<]*禾源河/);
    expect(html).toMatch(/<a[^>]*href="\/targets\/#target-tgt-duanmian-dabiao"[^>]*>66\.7%<\/a>/);
  });
});

describe('each defect fixture fails check-data and the build, naming the file and line', () => {
  it.each(defectKinds())('%s', async (kind) => {
    const dir = makeFixture(kind);
    const { problems } = loadDataFolder(dir);
    expect(problems.length).toBeGreaterThan(0);
    const [check, build] = await Promise.all([checkData(dir), astroBuild(dir)]);
    timings.push(`${kind}: check-data ${check.ms} ms, failed build ${build.ms} ms`);

    expect(check.code, check.output).not.toBe(0);
    expect(build.code, build.output.slice(-3000)).not.toBe(0);
    for (const p of problems) {
      const where = `${p.file}${p.line ? `:${p.line}` : ''}`;
      expect(check.output, where).toContain(where);
      expect(build.output, where).toContain(where);
      expect(check.output).toContain(p.zh);
      expect(check.output).toContain(p.en);
    }
    const count = `${problems.length} problem(s)`;
    expect(check.output).toContain(count);
    expect(build.output).toContain(count);
    // The build stops before rendering anything.
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(false);
    expect(build.output).not.toMatch(/generating static routes/i);
  });

  it('the report names a planted location, e.g. waters.csv:4', async () => {
    const r = await checkData(makeFixture('unknown-region-ref'));
    expect(r.code).toBe(1);
    expect(r.output).toContain('waters.csv:4:6');
    expect(r.output).toContain('880101009000');
  });

  it('check-data reads RIVER_DATA_DIR when given no folder', async () => {
    const bad = await checkData(makeFixture('unknown-chief-ref'), { viaEnv: true });
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('patrols.csv:11:1');
    const good = await checkData(makeFixture(), { viaEnv: true });
    expect(good.code, good.output).toBe(0);
  });

  it('every problem of a folder with several defects is listed, not only the first', async () => {
    const dir = makeFixture('several-defects');
    const r = await checkData(dir);
    expect(r.code).toBe(1);
    for (const where of [
      'waters.csv:4:6',
      'waters.csv:7:9',
      'segments.csv:7:1',
      'chiefs.csv:9:6',
      'readings/2026.csv:3:8',
      'readings/2026.csv:7:2',
      'case-events.csv:15:3',
      'case-events.csv:16:3',
      'documents/yhyc-heyuan-he.md:5:7',
    ]) {
      expect(r.output, where).toContain(where);
    }
    expect(r.output).toContain('9 problem(s)');
  });
});
