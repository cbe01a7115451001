/**
 * Honest numbers on a folder where the data has holes: a station that
 * stopped reporting is marked 数据较旧 with its last date (its page, the
 * month table, its water's page) and counted in the overview's coverage
 * line; waters without a station are counted; a chief who reported no
 * patrol in the latest month is counted on /patrols/. October's results are
 * not yet published for any station: that month reads 尚未公布, a month a
 * station was not sampled reads 未监测, and every class badge carries what
 * the class is fit for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild, cleanupTemp, ROOT, tempDir, type BuildResult } from '../helpers/fixtures.ts';

afterAll(cleanupTemp);

const STATION = 'liushu-hewan';
let built: BuildResult;
const page = (path: string) => readFileSync(join(built.outDir, path, 'index.html'), 'utf8').replace(/<[^>]+>/g, '');

beforeAll(async () => {
  const dir = tempDir('river-honest-');
  cpSync(join(ROOT, 'src/content'), dir, { recursive: true });
  // liushu-hewan stops after 2026-05: five months before as_of 2026-10-31.
  for (const f of readdirSync(join(dir, 'readings'))) {
    const p = join(dir, 'readings', f);
    const lines = readFileSync(p, 'utf8').split('\n');
    writeFileSync(
      p,
      lines
        .filter(
          (l) => !(l.startsWith(`${STATION},`) && l.split(',')[1]! > '2026-05-31') && !/^[a-z0-9-]+,2026-10/.test(l),
        )
        .join('\n'),
    );
  }
  // Two chiefs report no patrol in October 2026.
  const patrols = join(dir, 'patrols.csv');
  writeFileSync(
    patrols,
    readFileSync(patrols, 'utf8')
      .split('\n')
      .filter((l) => !/^(tang-li|tian-wenjun),2026-10,/.test(l))
      .join('\n'),
  );
  built = await astroBuild(dir);
}, 240_000);

describe('a folder with holes', () => {
  it('builds', () => {
    expect(built.code, built.output.slice(-2000)).toBe(0);
  });
  it("the stale station's page says 数据较旧 with its last date and the data date", () => {
    const text = page(`stations/${STATION}`);
    expect(text).toContain('数据较旧');
    expect(text).toMatch(/最近一次监测：2026年5月\d+日/);
    expect(text).toContain('本站数据截至 2026年10月31日');
  });
  it('the month table marks it 数据较旧 rather than leaving the class empty; the others read 本月未监测 only without a result', () => {
    const html = readFileSync(join(built.outDir, 'quality', 'index.html'), 'utf8');
    const row = html.split('<tr').find((r) => r.includes(`/stations/${STATION}/`))!;
    expect(row).toMatch(/数据较旧：最近一次监测在2026年5月\d+日/);
    expect(page('quality')).toContain('其中 1 个数据较旧');
    expect(page('quality')).toContain('2026年9月');
  });
  it('a month not yet published reads 尚未公布; a month without a sample reads 未监测', () => {
    const recent = (id: string) => {
      const html = readFileSync(join(built.outDir, 'stations', id, 'index.html'), 'utf8');
      const table = html.slice(
        html.indexOf('<table class="recent"'),
        html.indexOf('</table>', html.indexOf('<table class="recent"')),
      );
      return new Map(
        [
          ...table.matchAll(
            /<tr[^>]*><th scope="row"[^>]*>(?:<a [^>]*>)?(\d{4}年\d+月)(?:<\/a>)?<\/th><td[^>]*>([\s\S]*?)<\/td>/g,
          ),
        ].map((m) => [m[1]!, m[2]!.replace(/<[^>]+>/g, '')]),
      );
    };
    expect(recent(STATION).get('2026年10月')).toBe('尚未公布');
    expect(recent(STATION).get('2026年8月')).toBe('未监测');
    expect(recent('qingxi-chujing').get('2026年10月')).toBe('尚未公布');
    expect(recent('qingxi-chujing').get('2026年9月')).toMatch(/^[ⅠⅡⅢⅣⅤ劣]+类（.+）$/);
  });
  it('every class badge carries what the class is fit for', () => {
    const html = readFileSync(join(built.outDir, 'quality', 'index.html'), 'utf8');
    const badges = [
      ...html.matchAll(
        /data-class="([^"]+)" title="([^"]+)"[^>]*>[^<]*<span class="visually-hidden"[^>]*>（(.+?)）<\/span>/g,
      ),
    ];
    expect(badges.length).toBeGreaterThan(10);
    for (const [, cls, title, words] of badges) {
      expect(words, cls).toBe(title);
      expect(words!.length, cls).toBeGreaterThan(3);
    }
    expect(page(`stations/qingxi-chujing`)).toMatch(/水质Ⅱ类|水质Ⅲ类|水质Ⅳ类/);
  });
  it("its water's page marks it too", () => {
    expect(page('waters/liushu-gang')).toContain('（数据较旧）');
  });
  it('waters without a station are counted beside the share', () => {
    const waters = JSON.parse(readFileSync(join(built.outDir, 'data/waters.json'), 'utf8')) as { stations: string[] }[];
    const none = waters.filter((w) => w.stations.length === 0).length;
    expect(none).toBeGreaterThan(0);
    expect(page('quality')).toContain(`全部 ${waters.length} 个河湖中，${none} 个没有设置监测断面`);
  });
  it('/patrols/ counts the chiefs who reported no patrol in the latest month', () => {
    expect(page('patrols')).toMatch(/2026年10月，应巡河的 \d+ 人中 \d+ 人有巡河记录，2 人没有任何巡河记录/);
  });
});
