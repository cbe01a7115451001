/**
 * src/data/directory.ts: the directory of waters, sorted by pinyin and filed
 * under A–Z, with what each entry shows (townships, latest class, chiefs)
 * and the text the filter box matches.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/query.ts';
import type { Assignment, Water } from '../../src/schemas/tables.ts';
import { byLetter, directory } from '../../src/data/directory.ts';
import { AS_OF, BAISHA, BAISHA_CUN, CHENGGUAN, WATERS, roster, stationMaps, stationView } from '../helpers/db.ts';

const MORE = [
  {
    id: 'baisha-he',
    name: '白沙河',
    kind: 'river',
    parent: 'qingxi-he',
    level: 'county',
    regions: [BAISHA_CUN],
    target_class: 'III',
  },
  { id: 'qu-3', name: '3号渠', kind: 'canal', level: 'village', regions: [BAISHA_CUN], target_class: 'IV' },
  { id: 'chang-tang', name: '长塘', kind: 'pond', level: 'village', regions: [], target_class: 'III' },
] as Water[];
const ASSIGNMENTS = [
  { chief: 'zhang-wei', water: 'qingxi-he', role: 'chief', start: '2021-03-01' },
  { chief: 'zhang-wei', water: 'qingxi-he', segment: 'qingxi-he-donggang', role: 'segment_chief', start: '2022-01-01' },
  { chief: 'li-na', water: 'qingxi-he', role: 'deputy_chief', start: '2023-05-01' },
  { chief: 'wang-qiang', water: 'qingxi-he', role: 'chief', start: '2019-01-01', end: '2021-03-01' },
] as Assignment[];

function db(): Db {
  const idx = roster({ waters: [...WATERS, ...MORE], assignments: ASSIGNMENTS });
  const stations = [
    stationView({ id: 'qx-1', name: '东岗桥', water: 'qingxi-he' }, [
      ['2026-09-10', '1.8'],
      ['2026-10-10', '0.4'],
    ]), // II in October
    stationView({ id: 'qx-2', name: '白沙渡口', water: 'qingxi-he', region: BAISHA_CUN }, [['2026-10-12', '0.9']]), // III in October
    stationView({ id: 'qx-3', name: '老闸', water: 'qingxi-he' }, [['2026-09-15', '1.9']]), // V, but in September
    stationView({ id: 'bs-1', name: '白沙河口', water: 'baisha-he', region: BAISHA_CUN }, [['2026-08-10', '0.1']]),
  ];
  return { ...idx, asOf: AS_OF, ...stationMaps(idx, stations) } as unknown as Db;
}

describe('directory', () => {
  const d = db();
  const entries = directory(d);
  const entry = (id: string) => entries.find((e) => e.water.id === id)!;

  it('sorts by pinyin and files each water under the initial of its pinyin', () => {
    expect(entries.map((e) => [e.water.name, e.letter])).toEqual([
      ['3号渠', '#'],
      ['白沙河', 'B'],
      ['长塘', 'C'],
      ['东门沟', 'D'],
      ['清溪河', 'Q'],
    ]);
  });
  it('matches the name, the full pinyin and the initials in the filter box', () => {
    expect(entry('qingxi-he').search).toBe('清溪河 qingxihe qxh');
    expect(entry('qu-3').search).toBe('3号渠 3haoqu 3hq');
  });
  it('names each township a water passes through once, and none for a water with no region', () => {
    expect(entry('qingxi-he').townships).toEqual([
      { code: CHENGGUAN, name: '城关镇' },
      { code: BAISHA, name: '白沙镇' },
    ]);
    expect(entry('chang-tang').townships).toEqual([]);
  });
  it('shows the worst class of the latest month, not an older worse one', () => {
    expect(entry('qingxi-he').latest).toBe('III');
    expect(entry('baisha-he').latest).toBe('I');
    expect(entry('dongmen-gou').latest).toBeNull();
  });
  it('counts current chiefs once each, whatever their posts, and not former ones', () => {
    expect(entry('qingxi-he').chiefs).toBe(2);
    expect(entry('dongmen-gou').chiefs).toBe(0);
  });
  it('is computed once per Db', () => {
    expect(directory(d)).toBe(entries);
    expect(directory(db())).not.toBe(entries);
  });
});

describe('byLetter', () => {
  it('groups A–Z in order with # last', () => {
    const groups = byLetter(directory(db()));
    expect([...groups.keys()]).toEqual(['B', 'C', 'D', 'Q', '#']);
    expect(groups.get('#')!.map((e) => e.water.id)).toEqual(['qu-3']);
  });
});
