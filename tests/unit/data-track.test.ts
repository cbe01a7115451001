/**
 * src/data/track.ts: the /track/ shards. What the lookup page does in the
 * browser (src/scripts/track.ts) is done here with the same functions: the
 * typed reference is normalised, its shard key computed, and the case is
 * looked for in that shard only.
 */
import { describe, expect, it } from 'vitest';
import type { CaseView, Db } from '../../src/data/query.ts';
import { trackIndex, type TrackCase } from '../../src/data/track.ts';
import { normaliseRef, shardKey } from '../../src/lib/track.ts';
import { AS_OF, BAISHA_CUN, caseMaps, caseView, roster } from '../helpers/db.ts';

const db = (cases: CaseView[]) => ({ ...roster(), asOf: AS_OF, ...caseMaps(cases) }) as unknown as Db;

/** What the lookup page finds for what a citizen typed. */
function lookup(d: Db, typed: string): TrackCase[] {
  const t = trackIndex(d);
  const key = normaliseRef(typed);
  return t.shards.get(shardKey(key, t.keyLength))!.cases.filter((c) => c.key === key);
}

const reported = caseView(
  {
    id: 'wt-2026-031',
    title: '白沙村渡口河滩倾倒建筑垃圾',
    found: '2026-09-02',
    deadline: '2026-10-15',
    region: BAISHA_CUN,
    source: 'report',
    report_ref: 'JB-20260902-7XK2PA',
  },
  [
    ['2026-09-02', 'reported'],
    ['2026-09-03', 'assigned', '交白沙镇办理'],
  ],
);
const closed = caseView(
  {
    id: 'wt-2026-032',
    found: '2026-08-01',
    deadline: '2026-09-30',
    source: 'report',
    report_ref: 'JB-20260801-Q3D8TM',
  },
  [
    ['2026-08-01', 'reported'],
    ['2026-08-02', 'assigned'],
    ['2026-08-05', 'rectifying'],
    ['2026-08-20', 'submitted'],
    ['2026-08-25', 'closed', '已清运'],
  ],
);
const patrol = caseView({ id: 'wt-2026-033', found: '2026-08-10', deadline: '2026-12-31' });

describe('the report lookup', () => {
  const d = db([reported, closed, patrol]);

  it('finds a case by its reference however it is typed, with its case id and page', () => {
    for (const typed of [
      'JB-20260902-7XK2PA',
      ' jb 20260902 7xk2pa ',
      'ＪＢ－２０２６０９０２－７ＸＫ２ＰＡ',
      'JB202609027XK2PA',
    ]) {
      const [hit, ...rest] = lookup(d, typed);
      expect(rest, typed).toEqual([]);
      expect(hit, typed).toMatchObject({
        ref: 'JB-20260902-7XK2PA',
        key: 'JB202609027XK2PA',
        id: 'wt-2026-031',
        url: '/cases/wt-2026-031/',
      });
    }
  });
  it('says where, what state and what deadline, and each step with its unit', () => {
    const [hit] = lookup(d, 'JB-20260902-7XK2PA');
    expect(hit).toMatchObject({
      title: '白沙村渡口河滩倾倒建筑垃圾',
      water: '清溪河',
      township: '白沙镇',
      found: '2026-09-02',
      deadline: '2026-10-15',
      status: 'assigned',
      status_label: '已交办',
      closed: false,
      overdue: true,
      overdue_days: 16,
      deadline_text: '已逾期 16 天：整改时限是2026年10月15日，截至2026年10月31日仍未销号。',
    });
    expect(hit!.events).toEqual([
      { date: '2026-09-02', status: 'reported', status_label: '已登记', note: null, by: null },
      { date: '2026-09-03', status: 'assigned', status_label: '已交办', note: '交白沙镇办理', by: '城关镇人民政府' },
    ]);
    expect(lookup(d, 'jb-20260801-q3d8tm')[0]).toMatchObject({
      id: 'wt-2026-032',
      status_label: '已销号',
      closed: true,
      overdue: false,
    });
  });
  it('every case is found by its id too, one without a reference included; an unknown reference finds nothing', () => {
    const t = trackIndex(d);
    // Two references and three case ids.
    expect(t.refs).toBe(5);
    expect(lookup(d, patrol.id).map((c) => [c.id, c.ref])).toEqual([[patrol.id, null]]);
    for (const typed of ['wt-2026-031', 'WT 2026 031', 'ｗｔ－２０２６－０３１'])
      expect(
        lookup(d, typed).map((c) => c.id),
        typed,
      ).toEqual(['wt-2026-031']);
    expect(lookup(d, 'wt-2026-031')[0]!.ref).toBe('JB-20260902-7XK2PA');
    expect(lookup(d, 'JB-20260902-7XK2PB')).toEqual([]);
  });
  it('two cases written with the same reference are both found', () => {
    const again = caseView({
      id: 'wt-2026-040',
      found: '2026-09-05',
      deadline: '2026-12-31',
      report_ref: 'jb 20260902 7xk2pa',
    });
    expect(lookup(db([reported, again]), 'JB-20260902-7XK2PA').map((c) => c.id)).toEqual([
      'wt-2026-031',
      'wt-2026-040',
    ]);
  });
});

describe('shards', () => {
  it('every key of the length has a shard, empty ones included, each dated as_of', () => {
    const t = trackIndex(db([reported]));
    expect(t.keyLength).toBe(1);
    expect([...t.shards.keys()]).toEqual([...'0123456789abcdef']);
    expect([...t.shards.values()].every((s) => s.as_of === AS_OF)).toBe(true);
    expect([...t.shards.values()].filter((s) => s.cases.length > 0)).toHaveLength(1);
  });
  it('more lookup keys than 16 shards hold at about sixteen each: two-digit keys, each case in the shard of its key', () => {
    const cases = Array.from({ length: 129 }, (_, i) =>
      caseView({
        id: `wt-2026-${String(100 + i)}`,
        found: '2026-09-01',
        deadline: '2026-12-31',
        report_ref: `JB-20260901-${String(i).padStart(6, 'A')}`,
      }),
    );
    const d = db(cases);
    const t = trackIndex(d);
    expect(t.keyLength).toBe(2);
    expect(t.shards.size).toBe(256);
    for (const [key, shard] of t.shards) for (const c of shard.cases) expect(shardKey(c.key, 2)).toBe(key);
    // 129 references and 129 case ids: 258 keys.
    expect([...t.shards.values()].reduce((n, s) => n + s.cases.length, 0)).toBe(258);
    for (const c of cases) expect(lookup(d, c.report_ref!).map((x) => x.id)).toEqual([c.id]);
  });
  it('256 keys (128 references and 128 ids) still fit in one-digit keys', () => {
    const cases = Array.from({ length: 128 }, (_, i) =>
      caseView({ id: `c${i}`, found: '2026-09-01', deadline: '2026-12-31', report_ref: `JB-${i}` }),
    );
    expect(trackIndex(db(cases)).keyLength).toBe(1);
  });
});
