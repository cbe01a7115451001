/**
 * Citable downloads: every dataset in /data/index.json names its source,
 * licence, data date and a citation line, shown on /data/; each water's
 * page links one CSV of readings and one of cases per year, which parse and
 * hold exactly that water's rows of the area-wide open data; a water
 * without a station says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv.ts';
import { siteDist } from '../helpers/site.ts';

const dist = siteDist();
const json = <T>(f: string) => JSON.parse(readFileSync(join(dist, f), 'utf8')) as T;
const index = json<{
  as_of: string;
  source: string;
  license: { name: string; url: string | null };
  datasets: { name: string; title: string; csv: string; citation: string }[];
}>('data/index.json');
const waters = json<{ id: string; name: string; stations: string[] }[]>('data/waters.json');
const readings = json<Record<string, unknown>[]>('data/readings.json');
const cases = json<Record<string, unknown>[]>('data/cases.json');
const stationWater = new Map(json<{ id: string; water: string }[]>('data/stations.json').map((s) => [s.id, s.water]));
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const csvRows = (file: string) => {
  const { records } = parseCsv(readFileSync(join(dist, file), 'utf8').replace(/^\uFEFF/, ''));
  const [head, ...body] = records;
  return body.map((r) => Object.fromEntries(head!.cells.map((h, i) => [h, r.cells[i]])));
};

describe('/data/index.json and /data/', () => {
  it('names the source, the licence and the date of the data, and a citation per dataset', () => {
    expect(index.source).toBe('示例县河长制办公室');
    expect(index.license.name).toBe('政府信息公开');
    for (const d of index.datasets) {
      expect(d.citation, d.name).toContain(index.source);
      expect(d.citation, d.name).toContain('数据截至2026年10月31日');
      expect(d.citation, d.name).toContain(new URL(d.csv.slice(1), 'https://hzz.example.org/').href);
    }
    const page = html('data');
    expect(page).toContain('示例县河长制办公室');
    expect(page).toContain('政府信息公开');
    for (const d of index.datasets) expect(page).toContain(d.citation);
  });
});

describe('per water and year', () => {
  const withStations = waters.filter((w) => w.stations.length > 0);
  it.each(withStations.map((w) => [w.id, w] as const))(
    '%s: each year of readings, linked from its page, holds exactly its rows',
    (_, w) => {
      const page = html(`waters/${w.id}`);
      const years = [
        ...new Set(
          readings.filter((r) => stationWater.get(String(r.station)) === w.id).map((r) => String(r.date).slice(0, 4)),
        ),
      ].sort();
      expect(years.length).toBeGreaterThan(0);
      for (const y of years) {
        const file = `waters/${w.id}/readings-${y}.csv`;
        expect(page).toContain(`href="/${file}"`);
        const rows = csvRows(file);
        const expected = readings.filter(
          (r) => stationWater.get(String(r.station)) === w.id && String(r.date).startsWith(y),
        );
        expect(rows.map((r) => `${r.station} ${r.date} ${r.class}`)).toEqual(
          expected.map((r) => `${r.station} ${r.date} ${r.class}`),
        );
      }
    },
  );
  it('each year of cases of a water holds exactly its cases', () => {
    for (const w of waters) {
      const mine = cases.filter((c) => c.water === w.id);
      for (const y of new Set(mine.map((c) => String(c.found).slice(0, 4)))) {
        const rows = csvRows(`waters/${w.id}/cases-${y}.csv`);
        expect(rows.map((r) => `${r.id} ${r.status} ${r.overdue}`)).toEqual(
          mine.filter((c) => String(c.found).startsWith(y)).map((c) => `${c.id} ${c.status} ${c.overdue}`),
        );
      }
      if (mine.length === 0) expect(existsSync(join(dist, `waters/${w.id}/cases-2026.csv`))).toBe(false);
    }
  });
  it('a water without a station says so in plain words', () => {
    const w = waters.find((x) => x.stations.length === 0)!;
    expect(html(`waters/${w.id}`)).toContain(`${w.name}没有设置监测断面`);
  });
});
