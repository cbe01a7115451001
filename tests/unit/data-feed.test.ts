/**
 * src/data/feed.ts: the entries of /feed.xml from a small hand-built Db
 * (real roster indexes, case states and station classes; the accountability
 * rows come from the real src/data/accountability.ts).
 */
import { describe, expect, it } from 'vitest';
import type { CaseView, Db, StationView } from '../../src/data/query.ts';
import type { Action, Assignment, Chief, Inspection } from '../../src/schemas/tables.ts';
import { FEED_LIMIT, feedEntries, scopedFeedEntries } from '../../src/data/feed.ts';
import { accountabilityIndex } from '../../src/data/accountability.ts';
import {
  AS_OF,
  BAISHA,
  CHENGGUAN,
  DONGGANG,
  caseMaps,
  caseView,
  roster,
  site,
  stationMaps,
  stationView,
} from '../helpers/db.ts';

const CHIEFS = [
  {
    id: 'zhang-wei',
    name: '张伟',
    position: '城关镇镇长',
    region: CHENGGUAN,
    phone: '0000-6120101',
    verified: '2026-09-30',
  },
  { id: 'li-na', name: '李娜', position: '白沙镇镇长', region: BAISHA, phone: '0000-6120102', verified: '2026-09-30' },
] as Chief[];
const ASSIGNMENTS = [{ chief: 'zhang-wei', water: 'qingxi-he', role: 'chief', start: '2021-03-01' }] as Assignment[];

function db(parts: {
  cases?: CaseView[];
  stations?: StationView[];
  inspections?: Inspection[];
  actions?: Action[];
}): Db {
  const idx = roster({ chiefs: CHIEFS, assignments: ASSIGNMENTS });
  const actions = parts.actions ?? [];
  const actionsByChief = new Map<string, Action[]>();
  for (const a of [...actions].sort((x, y) => y.date.localeCompare(x.date)))
    actionsByChief.set(a.chief, [...(actionsByChief.get(a.chief) ?? []), a]);
  return {
    ...idx,
    site: site(),
    asOf: AS_OF,
    ...caseMaps(parts.cases ?? []),
    ...stationMaps(idx, parts.stations ?? []),
    inspections: parts.inspections ?? [],
    actions,
    actionsByChief,
    documents: new Map(),
  } as unknown as Db;
}

const tag = (year: string, specific: string) => `tag:hzz.example.org,${year}:${specific}`;
const byId = (entries: ReturnType<typeof feedEntries>) => new Map(entries.map((e) => [e.id, e]));

describe('case entries', () => {
  const progress = caseView(
    {
      id: 'wt-2026-010',
      title: '东岗村段河道漂浮垃圾',
      found: '2026-08-01',
      deadline: '2026-09-30',
      description: '东岗村桥下游约200米水面漂浮生活垃圾。',
    },
    [
      ['2026-08-01', 'reported'],
      ['2026-08-02', 'assigned'],
      ['2026-08-05', 'rectifying', '已组织打捞'],
      ['2026-08-20', 'rectifying', '完成打捞，设置拦污栅'],
      ['2026-11-02', 'submitted'], // after as_of: not news yet
    ],
  );
  const noEvents = caseView({
    id: 'wt-2026-011',
    title: '白沙村段堆放砂石',
    found: '2026-10-30',
    deadline: '2026-12-31',
    region: BAISHA,
  });
  const onTime = caseView({ id: 'wt-2026-012', found: '2026-06-01', deadline: '2026-07-31' }, [
    ['2026-06-01', 'reported'],
    ['2026-07-31', 'closed', '现场核查已清理'],
  ]);
  const late = caseView({ id: 'wt-2026-013', found: '2026-05-01', deadline: '2026-05-31' }, [
    ['2026-05-01', 'reported'],
    ['2026-06-15', 'closed'],
  ]);
  const dueToday = caseView({ id: 'wt-2026-014', found: '2026-10-01', deadline: '2026-10-31' });
  const entries = feedEntries(db({ cases: [progress, noEvents, onTime, late, dueToday] }));
  const map = byId(entries);

  it('one entry per status change, a repeated status numbered, none after as_of', () => {
    const own = entries.filter((e) => e.link === 'https://hzz.example.org/cases/wt-2026-010/').map((e) => e.id);
    expect(own.sort()).toEqual(
      [
        tag('2026', 'case/wt-2026-010/reported'),
        tag('2026', 'case/wt-2026-010/assigned'),
        tag('2026', 'case/wt-2026-010/rectifying'),
        tag('2026', 'case/wt-2026-010/rectifying-2'),
        tag('2026', 'case/wt-2026-010/overdue'),
      ].sort(),
    );
    const second = map.get(tag('2026', 'case/wt-2026-010/rectifying-2'))!;
    expect(second).toMatchObject({ updated: '2026-08-20', title: '整改中：东岗村段河道漂浮垃圾' });
    expect(second.summary).toBe(
      '2026年8月20日整改中。完成打捞，设置拦污栅；办理单位：城关镇人民政府。\n位置：清溪河（城关镇）；类别：乱堆；责任单位：城关镇人民政府；整改时限：2026年9月30日。',
    );
    expect(map.get(tag('2026', 'case/wt-2026-010/reported'))!.summary).toContain(
      '\n东岗村桥下游约200米水面漂浮生活垃圾。',
    );
  });
  it('a case without events is news once, as reported on its found date', () => {
    expect(map.get(tag('2026', 'case/wt-2026-011/reported'))).toMatchObject({
      updated: '2026-10-30',
      title: '已登记：白沙村段堆放砂石',
    });
    expect(map.get(tag('2026', 'case/wt-2026-011/reported'))!.summary).toContain('位置：清溪河（白沙镇）');
  });
  it('falling overdue is news the day after the deadline, unless closed by then or still to come', () => {
    expect(map.get(tag('2026', 'case/wt-2026-010/overdue'))).toMatchObject({
      updated: '2026-10-01',
      title: '逾期：东岗村段河道漂浮垃圾',
      categories: [
        { term: 'case', label: '问题整改' },
        { term: 'overdue', label: '逾期' },
      ],
    });
    expect(map.get(tag('2026', 'case/wt-2026-013/overdue'))!.updated).toBe('2026-06-01');
    expect(map.has(tag('2026', 'case/wt-2026-012/overdue'))).toBe(false);
    expect(map.has(tag('2026', 'case/wt-2026-014/overdue'))).toBe(false);
  });
  it('ids are unique and the same in every build; newest first', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    const again = feedEntries(db({ cases: [dueToday, late, onTime, noEvents, progress] }));
    expect(again.map((e) => [e.id, e.updated])).toEqual(entries.map((e) => [e.id, e.updated]));
    const dates = entries.map((e) => e.updated);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('inspection and action entries', () => {
  const inspections = [
    {
      id: 'kh-1',
      period: '2026-Q3',
      date: '2026-10-12',
      subject_kind: 'region',
      subject: CHENGGUAN,
      rank: 1,
      score: 92,
      result: '优秀',
    },
    {
      id: 'kh-2',
      period: '2026-Q3',
      date: '2026-10-15',
      subject_kind: 'region',
      subject: BAISHA,
      rank: 2,
      score: 85,
      result: '良好',
    },
    { id: 'kh-3', period: '2026-Q3', date: '2026-10-12', subject_kind: 'chief', subject: 'li-na', result: '合格' },
    {
      id: 'kh-4',
      period: '2026-Q4',
      date: '2026-11-05',
      subject_kind: 'region',
      subject: BAISHA,
      rank: 1,
      score: 90,
      result: '优秀',
    },
  ] as Inspection[];
  const actions = [
    { date: '2026-09-01', chief: 'zhang-wei', kind: '约谈', reason: '清溪河东岗村断面连续两月未达标' },
    { date: '2026-09-01', chief: 'zhang-wei', kind: '约谈', reason: '东门沟整治进度滞后' },
    { date: '2026-09-03', chief: 'nobody', kind: 'other', reason: '巡河记录不实' },
    { date: '2026-11-01', chief: 'li-na', kind: '警告', reason: '尚未发生' },
  ] as Action[];
  const map = byId(feedEntries(db({ inspections, actions })));

  it('one entry per period and kind, dated its latest notice, naming the ranked subjects', () => {
    expect(map.get(tag('2026', 'inspection/2026-Q3/region'))).toMatchObject({
      updated: '2026-10-15',
      title: '2026年第三季度乡镇（街道）考核结果',
      link: 'https://hzz.example.org/inspections/2026-q3/',
      summary: '共 2 个考核对象。第1名 城关镇 92分（优秀）；第2名 白沙镇 85分（良好）',
    });
    expect(map.get(tag('2026', 'inspection/2026-Q3/chief'))).toMatchObject({
      title: '2026年第三季度河长考核结果',
      summary: '共 1 个考核对象。李娜（白沙镇镇长）（合格）',
    });
    expect(map.has(tag('2026', 'inspection/2026-Q4/region'))).toBe(false);
  });
  it('one entry per action, two alike on one day told apart, none after as_of', () => {
    expect(map.get(tag('2026', 'action/2026-09-01/zhang-wei/interview'))).toMatchObject({
      title: '约谈：张伟（城关镇镇长）',
      link: 'https://hzz.example.org/chiefs/zhang-wei/',
    });
    // in the order of actions.csv
    expect(map.get(tag('2026', 'action/2026-09-01/zhang-wei/interview'))!.summary).toBe(
      '2026年9月1日，清溪河东岗村断面连续两月未达标',
    );
    expect(map.get(tag('2026', 'action/2026-09-01/zhang-wei/interview-2'))!.summary).toBe(
      '2026年9月1日，东门沟整治进度滞后',
    );
    expect(map.get(tag('2026', 'action/2026-09-03/nobody/other'))!.title).toBe('问责：nobody');
    expect([...map.keys()].some((id) => id.includes('li-na/warning'))).toBe(false);
  });
});

describe('required actions without a record', () => {
  // 2026-01 and 2026-02 off target: 约谈 required, window 2026-03-01 … 2026-08-27 (180 days)
  const station = stationView({ id: 'dg-01', name: '东岗村断面', region: DONGGANG }, [
    ['2025-12-10', '0.6'],
    ['2026-01-10', '1.6'],
    ['2026-02-10', '1.4'],
    ['2026-03-10', '0.5'],
  ]);

  it('is news the day after its window closes', () => {
    const d = db({ stations: [station] });
    const [row] = accountabilityIndex(d).rows;
    expect(row).toMatchObject({ status: 'missing', closes: '2026-08-27', required: '约谈' });
    const entry = byId(feedEntries(d)).get(tag('2026', 'accountability/dg-01/monthly/2026-01/2'))!;
    expect(entry).toMatchObject({
      updated: '2026-08-28',
      title: '问责未见记录：东岗村断面连续2个月未达标应约谈',
      link: `https://hzz.example.org/accountability/#${row!.key}`,
      categories: [
        { term: 'accountability', label: '问责对照' },
        { term: 'missing', label: '未见记录' },
      ],
    });
    expect(entry.summary).toBe(
      '东岗村断面自2026-01起连续2个月未达到水质目标，按规定应约谈。当时的责任河长：张伟。2026年3月1日至2026年8月27日期间问责记录中没有相应记录。',
    );
  });
  it('a recorded action is not', () => {
    const d = db({
      stations: [station],
      actions: [{ date: '2026-03-20', chief: 'zhang-wei', kind: '约谈', reason: '东岗村断面连续两月未达标' } as Action],
    });
    expect(accountabilityIndex(d).rows[0]!.status).toBe('recorded');
    expect(feedEntries(d).some((e) => e.id.includes(':accountability/'))).toBe(false);
  });
});

describe('FEED_LIMIT', () => {
  it('keeps the newest FEED_LIMIT entries', () => {
    const cases = Array.from({ length: FEED_LIMIT + 5 }, (_, i) => {
      const found = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
      return caseView({ id: `wt-${String(i).padStart(3, '0')}`, found, deadline: '2026-12-31' });
    });
    const entries = feedEntries(db({ cases }));
    expect(entries).toHaveLength(FEED_LIMIT);
    expect(entries[0]!.id).toBe(tag('2026', `case/wt-${FEED_LIMIT + 4}/reported`));
    expect(entries.at(-1)!.id).toBe(tag('2026', 'case/wt-005/reported'));
  });
  it('on one date, entries come in id order, so the cut is the same in every build', () => {
    const cases = ['wt-b', 'wt-a', 'wt-c'].map((id) => caseView({ id, found: '2026-10-01', deadline: '2026-12-31' }));
    expect(feedEntries(db({ cases })).map((e) => e.id)).toEqual(
      ['wt-a', 'wt-b', 'wt-c'].map((id) => tag('2026', `case/${id}/reported`)),
    );
  });
});

describe('water-quality results and scoped feeds', () => {
  const station = stationView({ id: 'dg-01', name: '东岗村断面', region: DONGGANG }, [
    ['2026-09-10', '0.6'],
    ['2026-10-10', '1.6'],
  ]);
  const d = db({ stations: [station] });

  it("each result is in its water's and its township's feed, not in /feed.xml", () => {
    const water = byId(scopedFeedEntries(d, 'water', 'qingxi-he'));
    const result = water.get(tag('2026', 'reading/dg-01/2026-10-10'));
    expect(result?.title).toBe('水质：东岗村断面 Ⅴ类（未达到Ⅲ类目标）');
    expect(result?.link).toBe('https://hzz.example.org/stations/dg-01/');
    expect(byId(scopedFeedEntries(d, 'township', CHENGGUAN)).has(tag('2026', 'reading/dg-01/2026-10-10'))).toBe(true);
    expect(byId(scopedFeedEntries(d, 'township', BAISHA)).size).toBe(0);
    expect([...byId(feedEntries(d)).keys()].some((id) => id.includes('reading/'))).toBe(false);
  });

  it('/feed.xml has one entry per month, counting its results against their targets', () => {
    const month = byId(feedEntries(d)).get(tag('2026', 'quality/2026-10'));
    expect(month?.title).toBe('2026年10月水质监测结果：1 次监测，0 次达到目标');
    expect(month?.link).toBe('https://hzz.example.org/quality/2026-10/');
    expect(month?.updated).toBe('2026-10-10');
  });
});
