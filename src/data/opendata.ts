/**
 * The open data the site publishes under /data/ (docs/data-contract.md,
 * "Open data"): each dataset as JSON (an array of objects) and CSV (UTF-8
 * with BOM so Excel opens it), with its fields documented in index.json.
 * Computed fields come from the domain modules via the query module.
 */
import {
  CASE_CATEGORY,
  CASE_SOURCE,
  CASE_STATUS,
  READING_ITEM_KEYS,
  ROLE,
  STATION_KIND,
  WATER_KIND,
} from '../lib/enums.ts';
import { toCsv } from '../lib/csv.ts';
import { OPEN_DATA_VERSION } from '../lib/open-data.ts';
import { formatDateZh } from '../lib/format.ts';
import { parsePeriod } from '../lib/inspections.ts';
import { inspectionIndex, subjectHref, type RankedRow } from './inspections.ts';
import { readingRecord } from './station.ts';
import type { Inspection } from '../schemas/tables.ts';
import { accountabilityIndex } from './accountability.ts';
import { memo } from './memo.ts';
import type { Db } from './query.ts';
import { targetViews } from './targets.ts';
import { TARGET_STATE_LABEL } from '../lib/targets.ts';
import { compare } from '../lib/dates.ts';

import { f, type Dataset, type Record_ } from './dataset.ts';
import { RECORD_DATASETS } from './records.ts';
import { pathWithBase, siteHref } from '../lib/base.ts';

export type { Dataset } from './dataset.ts';

function currentChiefNames(db: Db, water: string): string[] {
  return (db.currentByWater.get(water) ?? []).map(
    (a) =>
      `${db.chiefs.get(a.chief)?.name ?? a.chief}（${ROLE.labels[a.role]}${a.segment ? `，${db.segments.get(a.segment)?.name ?? a.segment}` : ''}）`,
  );
}

/**
 * Each inspection row's comparison with the previous period exactly as the
 * /inspections/ pages show it (ledger.ts inspectionIndex), by row: a row
 * that a later-dated row of the same subject and period replaces is not there.
 */
const shownChanges = new WeakMap<Db, Map<Inspection, RankedRow>>();
function shownChange(db: Db, row: Inspection): RankedRow | null {
  let m = shownChanges.get(db);
  if (!m) {
    shownChanges.set(db, (m = new Map()));
    for (const rows of inspectionIndex(db).history.values()) for (const r of rows) m.set(r.record as Inspection, r);
  }
  return m.get(row) ?? null;
}

/** The subject's own page: a township's or the county's page, a chief's or a water's. */
function subjectPage(db: Db, i: Inspection): string | null {
  if (i.subject_kind !== 'region') return subjectHref(db, i.subject_kind, i.subject);
  const r = db.regions.get(i.subject);
  return r && (r.level === 'township' || r.code === db.county?.code) ? pathWithBase(`/regions/${r.code}/`) : null;
}

export const DATASETS: Dataset[] = [
  {
    name: 'waters',
    title: '江河湖库名录',
    fields: [
      f('id', '水体编码'),
      f('name', '名称'),
      f('kind', '类型'),
      f('kind_label', '类型（中文）'),
      f('parent', '汇入水体编码'),
      f('level', '管理级别'),
      f('regions', '流经区划代码'),
      f('length_km', '长度（公里）'),
      f('area_km2', '面积（平方公里）'),
      f('target_class', '水质目标'),
      f('plan', '一河一策文件编号'),
      f('description', '简介'),
      f('stations', '监测断面编码'),
      f('current_chiefs', '现任河长（姓名、角色、河段）'),
    ],
    rows: (db) =>
      [...db.waters.values()].map((w) => ({
        id: w.id,
        name: w.name,
        kind: w.kind,
        kind_label: WATER_KIND.labels[w.kind],
        parent: w.parent ?? null,
        level: w.level,
        regions: w.regions,
        length_km: w.length_km ?? null,
        area_km2: w.area_km2 ?? null,
        target_class: w.target_class,
        plan: w.plan ?? null,
        description: w.description ?? null,
        stations: (db.stationsByWater.get(w.id) ?? []).map((s) => s.id),
        current_chiefs: currentChiefNames(db, w.id),
      })),
  },
  {
    name: 'chiefs',
    title: '河长名录（含现任职务）',
    fields: [
      f('id', '河长编码'),
      f('name', '姓名'),
      f('position', '职务'),
      f('region', '区划代码'),
      f('phone', '公开联系电话；已卸任、现无河长职务的人员不再公开电话，此项为空'),
      f('verified', '核实日期'),
      f('current', '现任：水体编码/河段编码/角色'),
      f('current_waters', '现任负责的水体名称'),
    ],
    rows: (db) =>
      [...db.chiefs.values()].map((c) => {
        const cur = (db.assignmentsByChief.get(c.id) ?? []).filter(
          (a) => a.start <= db.asOf && (!a.end || a.end > db.asOf),
        );
        return {
          id: c.id,
          name: c.name,
          position: c.position,
          region: c.region,
          phone: db.publicPhoneOf(c.id),
          verified: c.verified,
          current: cur.map((a) => `${a.water}/${a.segment ?? ''}/${a.role}`),
          current_waters: [...new Set(cur.map((a) => db.waters.get(a.water)?.name ?? a.water))],
        };
      }),
  },
  {
    name: 'stations',
    title: '监测断面',
    fields: [
      f('id', '断面编码'),
      f('name', '断面名称'),
      f('water', '水体编码'),
      f('region', '区划代码'),
      f('kind', '断面类型'),
      f('kind_label', '断面类型（中文）'),
      f('target_class', '水质目标'),
      f('waterbody', '评价类别 river|lake'),
      f('lat', '纬度'),
      f('lon', '经度'),
      f('latest_date', '最近监测日期'),
      f('latest_class', '最近水质类别'),
      f('latest_meets_target', '最近是否达标'),
      f('months_off_target', '连续未达标月数（截至最近有监测结果的月份；各月按当月最差一次结果定类）'),
      f('years_off_target', '年均值连续未达标年数（只计已结束且有监测结果的月份数达到规定的年份）'),
      f('actions_missing', '问责规则要求但期限内未见记录的措施数（明细见 accountability 数据集）'),
      f('actions_pending', '问责规则要求、尚在记录期限内的措施数'),
    ],
    rows: (db) => {
      const acc = accountabilityIndex(db).byStation;
      return [...db.stations.values()].map((s) => {
        const rows = acc.get(s.id) ?? [];
        return {
          id: s.id,
          name: s.name,
          water: s.water,
          region: s.region,
          kind: s.kind,
          kind_label: STATION_KIND.labels[s.kind],
          target_class: s.target_class,
          waterbody: s.waterbody,
          lat: s.lat ?? null,
          lon: s.lon ?? null,
          latest_date: s.latest?.date ?? null,
          latest_class: s.latest?.result.class ?? null,
          latest_meets_target: s.latest?.result.meetsTarget ?? null,
          months_off_target: s.runs.monthly.length,
          years_off_target: s.runs.yearly.length,
          actions_missing: rows.filter((r) => r.status === 'missing').length,
          actions_pending: rows.filter((r) => r.status === 'pending').length,
        };
      });
    },
  },
  {
    name: 'readings',
    title: '监测数据（含水质类别）',
    fields: [
      f('station', '断面编码'),
      f('date', '采样日期或月份'),
      f('class', '水质类别 I–V 或 劣V'),
      f('meets_target', '是否达到断面目标'),
      f('failing_items', '未达目标的项目'),
      f(
        'main_pollutants',
        '主要污染指标（项目编码，最重的在前）：劣于Ⅲ类的参与评价项目，先按类别（差的在前），同类别按超过Ⅲ类标准限值的倍数（监测值 ÷ 限值 − 1，大的在前；pH 和溶解氧不计倍数，排在同类别有倍数的项目之后），其余按 GB 3838 表1的顺序，最多 3 项；按Ⅲ类判断，与断面目标无关；Ⅲ类或更好时为空',
      ),
      f(
        'black_odorous',
        '黑臭分级（《城市黑臭水体整治工作指南》2015）：none 无黑臭、light 轻度黑臭、heavy 重度黑臭，取透明度、溶解氧、氧化还原电位、氨氮中已监测各项达到的最重一级（轻度：透明度 10–25 cm、溶解氧 0.2–2.0 mg/L、氧化还原电位 −200–50 mV、氨氮 8.0–15 mg/L，含两端；重度：透明度 < 10 cm、溶解氧 < 0.2、氧化还原电位 < −200、氨氮 > 15）；四项都未监测时为空',
      ),
      ...READING_ITEM_KEYS.map((k) => f(k, `${k}：按原样发布，低于检出限写作检出限加 L`)),
    ],
    rows: (db) => {
      const out: Record_[] = [];
      for (const s of db.stations.values()) for (const r of s.readings) out.push(readingRecord(r));
      return out;
    },
  },
  {
    name: 'cases',
    title: '问题台账（含办理状态）',
    fields: [
      f('id', '问题编号'),
      f('title', '问题'),
      f('water', '水体编码'),
      f('segment', '河段编码'),
      f('region', '区划代码'),
      f('found', '发现日期'),
      f('source', '来源'),
      f('source_label', '来源（中文）'),
      f('category', '类别'),
      f('category_label', '类别（中文）'),
      f('description', '描述'),
      f('responsible', '责任单位'),
      f('deadline', '整改时限'),
      f('report_ref', '举报受理编号'),
      f('status', '当前状态（最近一条办理记录）'),
      f('status_label', '当前状态（中文）'),
      f('overdue', '是否逾期（未销号且数据日期晚于整改时限）'),
      f('overdue_days', '逾期天数'),
      f('closed_on', '销号日期'),
      f('closed_on_time', '是否按期销号'),
      f('rejections', '验收未通过次数'),
      f('days_open', '办理天数'),
      f('lat', '纬度'),
      f('lon', '经度'),
    ],
    rows: (db) =>
      [...db.cases.values()].map((c) => ({
        id: c.id,
        title: c.title,
        water: c.water,
        segment: c.segment ?? null,
        region: c.region,
        found: c.found,
        source: c.source,
        source_label: CASE_SOURCE.labels[c.source],
        category: c.category,
        category_label: CASE_CATEGORY.labels[c.category],
        description: c.description ?? null,
        responsible: c.responsible,
        deadline: c.deadline,
        report_ref: c.report_ref ?? null,
        status: c.state.status,
        status_label: CASE_STATUS.labels[c.state.status],
        overdue: c.state.overdue,
        overdue_days: c.state.overdueDays,
        closed_on: c.state.closedOn,
        closed_on_time: c.state.closedOnTime,
        rejections: c.state.rejections,
        days_open: c.state.daysOpen,
        lat: c.lat ?? null,
        lon: c.lon ?? null,
      })),
  },
  {
    name: 'accountability',
    title: '断面水质问责对照（规则要求的措施与问责记录）',
    fields: [
      f('station', '断面编码'),
      f('rule', '规则：monthly 按月 | yearly 按年均值'),
      f('from', '连续未达标的起始月份（YYYY-MM）或年份（YYYY）'),
      f('to', '连续未达标达到 length 的月份或年份'),
      f('length', '连续未达标的月数或年数（规则中的门槛）'),
      f('required', '规则要求的措施'),
      f(
        'responsible',
        '责任河长编码：在 from 至 to 期间担任 rules.accountable_roles 所列职务的人（河段长须在断面所在区划或其上级区划的河段）',
      ),
      f('window_opens', '记录期限起始日：to 之后的第一天（下月或次年1月1日）'),
      f('window_closes', '记录期限最后一天：起始日加 action_window_days 减 1 天'),
      f('status', 'recorded 已记录 | missing 期限已过未见记录 | pending 尚在期限内'),
      f('recorded_date', '满足要求的问责记录日期（同种或更重的措施，对责任河长，在期限内）'),
      f('recorded_chief', '该问责记录的河长编码'),
      f('recorded_kind', '该问责记录的措施'),
    ],
    rows: (db) =>
      accountabilityIndex(db).rows.map((r) => ({
        station: r.station,
        rule: r.rule,
        from: r.from,
        to: r.to,
        length: r.length,
        required: r.required,
        responsible: r.responsible,
        window_opens: r.opens,
        window_closes: r.closes,
        status: r.status,
        recorded_date: r.recorded?.date ?? null,
        recorded_chief: r.recorded?.chief ?? null,
        recorded_kind: r.recorded?.kind ?? null,
      })),
  },
  {
    name: 'regions',
    title: '行政区划',
    fields: [
      f('code', '区划代码'),
      f('name', '名称'),
      f('level', '级别 county|township|village'),
      f('parent', '上级区划代码'),
    ],
    rows: (db) =>
      [...db.regions.values()].map((r) => ({ code: r.code, name: r.name, level: r.level, parent: r.parent ?? null })),
  },
  {
    name: 'segments',
    title: '河段',
    fields: [
      f('id', '河段编码'),
      f('water', '水体编码'),
      f('name', '河段名称'),
      f('region', '区划代码'),
      f('start', '起点'),
      f('end', '终点'),
      f('length_km', '长度（公里）'),
    ],
    rows: (db) =>
      [...db.segments.values()].map((x) => ({
        id: x.id,
        water: x.water,
        name: x.name,
        region: x.region,
        start: x.start,
        end: x.end,
        length_km: x.length_km ?? null,
      })),
  },
  {
    name: 'actions',
    title: '问责记录',
    fields: [
      f('date', '日期'),
      f('chief', '河长编码'),
      f('kind', '措施'),
      f('reason', '事由'),
      f('document', '文件编号'),
    ],
    rows: (db) =>
      [...db.actions]
        .sort((a, b) => compare(a.date, b.date) || a.chief.localeCompare(b.chief))
        .map((a) => ({
          date: a.date,
          chief: a.chief,
          kind: a.kind,
          reason: a.reason ?? null,
          document: a.document ?? null,
        })),
  },
  {
    name: 'assignments',
    title: '河长任职（全部任期）',
    fields: [
      f('chief', '河长编码'),
      f('water', '水体编码'),
      f('segment', '河段编码，空为整个水体'),
      f('role', '角色'),
      f('role_label', '角色（中文）'),
      f('start', '任职日期'),
      f('end', '离任日期，空为现任'),
      f('duties', '职责'),
    ],
    rows: (db) =>
      [...db.assignmentsByChief.values()]
        .flat()
        .sort((a, b) => a.water.localeCompare(b.water) || compare(a.start, b.start) || a.chief.localeCompare(b.chief))
        .map((a) => ({
          chief: a.chief,
          water: a.water,
          segment: a.segment ?? null,
          role: a.role,
          role_label: ROLE.labels[a.role],
          start: a.start,
          end: a.end ?? null,
          duties: a.duties ?? null,
        })),
  },
  {
    name: 'inspections',
    title: '督查考核结果',
    fields: [
      f('id', '编号'),
      f('period', '考核期'),
      f('date', '通报日期'),
      f('subject_kind', '对象类型'),
      f('subject', '对象编码'),
      f('subject_name', '对象名称'),
      f('score', '得分'),
      f('rank', '排名'),
      f('result', '结果'),
      f('document', '通报文件'),
      f('note', '备注'),
      f('period_label', '考核期（中文），如 2026年第三季度；考核期写法无法识别时为空'),
      f(
        'previous_period',
        '比较的上期：此前最近一个有同类对象结果的同类考核期（季度比季度、年度比年度），没有时为空；同一对象在同一考核期有多条时，只有通报日期最晚的一条（本站展示的）参与比较，其余各条的比较字段为空',
      ),
      f(
        'rank_change',
        '排名变化：上期排名减本期排名，正数为名次上升（如由第5名升至第3名为 2），负数为下降，0 为不变；没有上期、上期未参加或缺排名时为空',
      ),
      f('score_change', '得分变化：本期得分减上期得分，正数为得分提高；没有上期、上期未参加或缺得分时为空'),
      f('subject_url', '对象在本站的页面地址（乡镇（街道）、河长或河湖页面）；对象没有页面时为空'),
    ],
    rows: (db) =>
      db.inspections.map((i) => {
        const ch = shownChange(db, i);
        return {
          id: i.id,
          period: i.period,
          date: i.date,
          subject_kind: i.subject_kind,
          subject: i.subject,
          subject_name:
            (i.subject_kind === 'region'
              ? db.regions.get(i.subject)?.name
              : i.subject_kind === 'chief'
                ? db.chiefs.get(i.subject)?.name
                : db.waters.get(i.subject)?.name) ?? null,
          score: i.score ?? null,
          rank: i.rank ?? null,
          result: i.result,
          document: i.document ?? null,
          note: i.note ?? null,
          period_label: parsePeriod(i.period)?.label ?? null,
          previous_period: ch?.previousPeriod ?? null,
          rank_change: ch?.rankUp ?? null,
          score_change: ch?.scoreChange ?? null,
          subject_url: subjectPage(db, i),
        };
      }),
  },
  {
    name: 'targets',
    title: '目标任务（含按公开数据计算的值）',
    fields: [
      f('id', '编号'),
      f('name', '指标'),
      f('unit', '单位'),
      f('direction', '方向 up 越高越好 | down 越低越好'),
      f('baseline', '基期值'),
      f('baseline_date', '基期日期'),
      f('target', '目标值'),
      f('deadline', '完成时限'),
      f('current', '当前值（办公室填报值）'),
      f('current_date', '当前值日期'),
      f('document', '设定该目标的文件编号'),
      f('metric', '计算口径；为空时本站不计算'),
      f('computed', '按公开数据计算的值（百分比，保留一位小数），截至 as_of；未填写计算口径或没有可计算的数据时为空'),
      f('computed_numerator', '计算值的分子（断面数、问题件数或按月计达到规定的巡河次数）'),
      f('computed_denominator', '计算值的分母（有监测结果的断面数、问题件数或规定巡河次数）'),
      f(
        'state',
        '状态 achieved 已完成 | on_track 进度正常 | behind 进度滞后 | missed 逾期未完成，截至 as_of；有计算值时按计算值判断',
      ),
      f('state_label', '状态（中文）'),
    ],
    rows: (db) =>
      [...targetViews(db).values()].map((t) => ({
        id: t.id,
        name: t.name,
        unit: t.unit,
        direction: t.direction,
        baseline: t.baseline,
        baseline_date: t.baseline_date,
        target: t.target,
        deadline: t.deadline,
        current: t.current,
        current_date: t.current_date,
        document: t.document ?? null,
        metric: t.metric ?? null,
        computed: t.computed?.value ?? null,
        computed_numerator: t.computed && t.computed.value !== null ? t.computed.numerator : null,
        computed_denominator: t.computed && t.computed.value !== null ? t.computed.denominator : null,
        state: t.status.state,
        state_label: TARGET_STATE_LABEL[t.status.state],
      })),
  },
  ...RECORD_DATASETS,
];

/** The datasets this build publishes: every one, less an optional table the office does not keep. */
export function datasetsOf(db: Db): Dataset[] {
  return DATASETS.filter((ds) => ds.present?.(db) ?? true);
}

const cache = new WeakMap<Db, Map<string, Record_[]>>();
/** A dataset's rows, computed once per build. */
export function rowsOf(db: Db, ds: Dataset): Record_[] {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let rows = m.get(ds.name);
  if (!rows) m.set(ds.name, (rows = ds.rows(db)));
  return rows;
}

export function datasetCsv(ds: Dataset, rows: Record_[]): string {
  const header = ds.fields.map((x) => x.name);
  const cells = rows.map((r) =>
    header.map((h) => {
      const v = r[h];
      if (Array.isArray(v)) return v.join(';');
      if (typeof v === 'boolean') return v ? 'true' : 'false';
      return v;
    }),
  );
  return '\uFEFF' + toCsv(header, cells, { safe: true });
}

/**
 * A line to cite a download by: who published it, what, where, as of which
 * date, under which licence. Journalists asked for one; a date of the data
 * (not of the page) is what makes a figure checkable later.
 */
export function citation(db: Db, title: string, path: string): string {
  const url = siteHref(db.site.url, path);
  return `${db.site.office.name}：《${db.site.name}》${title}，数据截至${formatDateZh(db.asOf)}，${db.site.license.name}，${url}`;
}

export function datasetIndex(db: Db) {
  return {
    /** What publishes this data: a county's site (a portal's index says 'portal'; src/lib/open-data.ts). */
    kind: 'site' as const,
    /** The open-data version (src/lib/open-data.ts): a portal reads members of this version only. */
    version: OPEN_DATA_VERSION,
    name: db.site.name,
    url: db.site.url,
    as_of: db.asOf,
    /** Who publishes the data. */
    source: db.site.office.name,
    license: { name: db.site.license.name, url: db.site.license.url ?? null },
    /** The site.yaml rules a published figure depends on that no dataset holds, so anyone can recompute it. */
    rules: { patrol_per_month: db.site.rules.patrol_per_month },
    datasets: datasetsOf(db).map((ds) => ({
      name: ds.name,
      title: ds.title,
      json: pathWithBase(`/data/${ds.name}.json`),
      csv: pathWithBase(`/data/${ds.name}.csv`),
      rows: rowsOf(db, ds).length,
      fields: ds.fields,
      citation: citation(db, `开放数据“${ds.title}”`, `/data/${ds.name}.csv`),
    })),
    /** Geometry: the waters' lines and areas (GeoJSON, RFC 7946), when the folder has geo/waters.geojson. */
    geo: db.geo.size
      ? [
          {
            name: 'waters',
            title: '河湖位置',
            url: pathWithBase('/data/waters.geojson'),
            format: 'GeoJSON',
            features: [...db.geo.keys()].filter((id) => db.waters.has(id)).length,
          },
        ]
      : [],
    /** Formats the site publishes for others to validate against. */
    schemas: [
      { name: 'report', title: '群众反映问题提交格式（JSON Schema）', url: pathWithBase('/data/report-schema.json') },
    ],
  };
}

// ---------------------------------------------------------------------------
// Per water and year: the readings of its stations and its cases, as CSV
// (/waters/<id>/readings-<year>.csv, /waters/<id>/cases-<year>.csv), with the
// columns of /data/readings.csv and /data/cases.csv. Only water-years with
// rows have a file, so a city builds files for its data, not for every water.

export type WaterFileKind = 'readings' | 'cases';

export interface WaterFile {
  water: string;
  kind: WaterFileKind;
  year: string;
  rows: Record_[];
}

const waterFiles = memo((db: Db): Map<string, WaterFile[]> => {
  const byWater = new Map<string, Map<string, WaterFile>>();
  const add = (water: string, kind: WaterFileKind, year: string, row: Record_) => {
    let files = byWater.get(water);
    if (!files) byWater.set(water, (files = new Map()));
    const key = `${kind}-${year}`;
    let f = files.get(key);
    if (!f) files.set(key, (f = { water, kind, year, rows: [] }));
    f.rows.push(row);
  };
  for (const row of rowsOf(db, datasetNamed('readings'))) {
    const station = db.stations.get(String(row.station));
    if (station) add(station.water, 'readings', String(row.date).slice(0, 4), row);
  }
  for (const row of rowsOf(db, datasetNamed('cases')))
    add(String(row.water), 'cases', String(row.found).slice(0, 4), row);
  const out = new Map<string, WaterFile[]>();
  for (const [water, files] of byWater)
    out.set(
      water,
      [...files.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.year.localeCompare(b.year)),
    );
  return out;
});

function datasetNamed(name: string): Dataset {
  return DATASETS.find((d) => d.name === name)!;
}

/** The per-year files of a water, readings first, each by year. */
export function waterFilesOf(db: Db, water: string): WaterFile[] {
  return waterFiles(db).get(water) ?? [];
}

/** Every water's per-year files (for getStaticPaths). */
export function allWaterFiles(db: Db): WaterFile[] {
  return [...waterFiles(db).values()].flat();
}

/** A water's file as CSV text, with the columns of its /data/ dataset. */
export function waterFileCsv(f: WaterFile): string {
  return datasetCsv(datasetNamed(f.kind), f.rows);
}

/** Where a water's file is published: its site path, without the base path. */
export function waterFileSitePath(f: Pick<WaterFile, 'water' | 'kind' | 'year'>): string {
  return `/waters/${f.water}/${f.kind}-${f.year}.csv`;
}

/** A link to a water's file. */
export function waterFilePath(f: Pick<WaterFile, 'water' | 'kind' | 'year'>): string {
  return pathWithBase(waterFileSitePath(f));
}
