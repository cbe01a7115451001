/**
 * Every CSV table of the data contract (docs/data-contract.md), column
 * by column. Names, aliases and enumerations follow the contract exactly;
 * anything added here must be optional.
 *
 * Free-text annotations (notes, duties, descriptions, the handling unit) are
 * optional cells: an office that leaves one blank has still published a
 * valid record, and the site says nothing rather than inventing text.
 */
import type { z } from 'astro/zod';
import {
  ACTION_KIND,
  BO_GRADE,
  BO_STATUS,
  CASE_CATEGORY,
  CASE_SOURCE,
  CASE_STATUS,
  DIRECTION,
  OUTLET_KIND,
  OUTLET_STATUS,
  READING_ITEMS,
  REGION_LEVEL,
  ROLE,
  STATION_KIND,
  SUBJECT_KIND,
  TARGET_CLASS,
  WATERBODY,
  WATER_KIND,
  type ReadingItem,
} from '../lib/enums.ts';
import {
  date,
  dateOrMonth,
  id,
  idList,
  latitude,
  longitude,
  measurement,
  metric,
  month,
  number,
  oneOf,
  ref,
  longText,
  text,
  textList,
} from './fields.ts';
import { column, defineTable, optional, type ColumnDef } from './table.ts';

export const regions = defineTable({
  file: 'regions.csv',
  title: '行政区划',
  key: 'name',
  columns: {
    code: column(['区划代码', '代码'], id(), '区划代码，如 990101000000'),
    name: column('名称', text(), '区划名称'),
    level: column('级别', oneOf(REGION_LEVEL.values), '级别：county 县级 | township 乡镇级 | village 村级'),
    parent: optional('上级区划代码', ref(), '上级区划代码；最上级留空'),
  },
});

export const waters = defineTable({
  file: 'waters.csv',
  title: '江河湖库名录',
  key: 'name',
  columns: {
    id: column(['编码', '水体编码'], id(), '水体编码'),
    name: column('名称', text(), '水体名称'),
    kind: column(
      '类型',
      oneOf(WATER_KIND.values),
      '类型：river 河流 | lake 湖泊 | reservoir 水库 | canal 渠道 | pond 山塘 | other 其他',
    ),
    parent: optional('汇入水体编码', ref(), '汇入的上级水体编码'),
    level: column('管理级别', oneOf(REGION_LEVEL.values), '管理级别：county | township | village'),
    regions: column('流经区划', idList(), '流经的区划代码，多个用 ; 分隔'),
    length_km: optional('长度', number({ min: 0 }), '长度（公里）'),
    area_km2: optional('面积', number({ min: 0 }), '水面面积（平方公里）'),
    target_class: column('水质目标', oneOf(TARGET_CLASS.values), '水质目标：I | II | III | IV | V'),
    plan: optional('一河一策文件编号', ref(), '一河一策文件编号（documents 中的文件名）'),
    description: optional('简介', longText(), '简介'),
    boundary: optional('管理范围划定', ref(), '管理范围（岸线）划定文件编号（documents 中的文件名）'),
    health: optional('河湖健康评估', ref(), '河湖健康评估文件编号（documents 中的文件名）'),
  },
});

export const segments = defineTable({
  file: 'segments.csv',
  title: '河段',
  key: 'name',
  columns: {
    id: column(['编码', '河段编码'], id(), '河段编码'),
    water: column('水体编码', ref(), '所属水体编码'),
    name: column('河段名称', text(), '河段名称'),
    region: column('区划代码', ref(), '河段所在区划代码'),
    start: column('起点', text(), '起点'),
    end: column('终点', text(), '终点'),
    length_km: optional('长度', number({ min: 0 }), '长度（公里）'),
  },
});

export const chiefs = defineTable({
  file: 'chiefs.csv',
  title: '河长名录',
  key: 'name',
  columns: {
    id: column(['编码', '河长编码'], id(), '河长编码'),
    name: column('姓名', text(), '姓名'),
    position: column('职务', text(), '职务，如 副县长、某镇镇长'),
    region: column('区划代码', ref(), '所在区划代码'),
    phone: optional('联系电话', text(), '公示牌上的公开联系电话；只担任民间河长、社会监督员或志愿者的人可留空'),
    verified: column('核实日期', date(), '最近一次核实的日期'),
  },
});

export const assignments = defineTable({
  file: 'assignments.csv',
  title: '河长任职',
  key: 'chief',
  columns: {
    chief: column('河长编码', ref(), '河长编码'),
    water: column('水体编码', ref(), '水体编码'),
    segment: optional('河段编码', ref(), '河段编码；留空表示整条水体'),
    role: column('角色', oneOf(ROLE.values), `角色：${ROLE.values.join(' | ')}`),
    start: column('任职日期', date(), '任职日期'),
    end: optional('离任日期', date(), '离任日期；现任留空'),
    duties: optional('职责', longText(), '职责'),
  },
});

export const stations = defineTable({
  file: 'stations.csv',
  title: '监测断面',
  key: 'name',
  columns: {
    id: column(['编码', '断面编码'], id(), '断面编码'),
    name: column('断面名称', text(), '断面名称'),
    water: column('水体编码', ref(), '所在水体编码'),
    region: column('区划代码', ref(), '所在区划代码'),
    kind: column(
      '断面类型',
      oneOf(STATION_KIND.values),
      '断面类型：national | provincial | municipal | county | boundary | drinking_source',
    ),
    target_class: column('水质目标', oneOf(TARGET_CLASS.values), '水质目标：I | II | III | IV | V'),
    lat: optional('纬度', latitude(), '纬度（WGS84）'),
    lon: optional('经度', longitude(), '经度（WGS84）'),
    waterbody: optional(
      '水体类别',
      oneOf(WATERBODY.values),
      'river 河流 | lake 湖库；留空时湖泊、水库按湖库，其余按河流',
    ),
  },
});

const itemColumns = Object.fromEntries(
  (Object.entries(READING_ITEMS) as [ReadingItem, (typeof READING_ITEMS)[ReadingItem]][]).map(([key, item]) => [
    key,
    optional(item.label, measurement(), `${item.label}（${item.unit}）；低于检出限写作检出限加 L`),
  ]),
) as { [K in ReadingItem]: ColumnDef<ReturnType<typeof measurement>> & { optional: true } };

export const readings = defineTable({
  file: 'readings',
  title: '监测数据',
  key: 'station',
  columns: {
    station: column('断面编码', ref(), '断面编码'),
    date: column(['采样日期', '日期'], dateOrMonth(), '采样日期 YYYY-MM-DD，或月均值的月份 YYYY-MM'),
    ...itemColumns,
  },
});

export const cases = defineTable({
  file: 'cases.csv',
  title: '问题台账',
  key: 'title',
  columns: {
    id: column('问题编号', id(), '问题编号'),
    title: column('问题', text(), '问题概述'),
    water: column('水体编码', ref(), '水体编码'),
    segment: optional('河段编码', ref(), '河段编码'),
    region: column('区划代码', ref(), '区划代码'),
    found: column('发现日期', date(), '发现日期'),
    source: column('来源', oneOf(CASE_SOURCE.values), '来源：patrol | inspection | report | media | audit | other'),
    category: column(
      '类别',
      oneOf(CASE_CATEGORY.values),
      '类别：encroachment | sand_mining | dumping | illegal_building | sewage_outlet | pollution | garbage | black_odorous | livestock | sign_outdated | other',
    ),
    description: optional('描述', longText(), '问题描述'),
    responsible: column('责任单位', text(), '责任单位'),
    deadline: column('整改时限', date(), '整改时限'),
    report_ref: optional('举报受理编号', text(), '群众举报的受理编号，如 JB-20260312-4K7Q2M'),
    lat: optional('纬度', latitude(), '纬度（WGS84）'),
    lon: optional('经度', longitude(), '经度（WGS84）'),
    photos: optional('照片', textList(), 'media/ 下的照片文件名，多个用 ; 分隔'),
  },
});

export const caseEvents = defineTable({
  file: 'case-events.csv',
  title: '办理过程',
  key: 'case',
  columns: {
    case: column('问题编号', ref(), '问题编号'),
    date: column('日期', date(), '日期'),
    status: column(
      '状态',
      oneOf(CASE_STATUS.values),
      '状态：reported | assigned | rectifying | submitted | closed | rejected',
    ),
    note: optional('说明', longText(), '说明'),
    by: optional('办理单位', text(), '办理单位'),
  },
});

export const inspections = defineTable({
  file: 'inspections.csv',
  title: '督查考核',
  key: 'subject',
  columns: {
    id: column('编号', id(), '编号'),
    period: column('考核期', text(), '考核期，如 2026-Q3 或 2026'),
    date: column('通报日期', date(), '通报日期'),
    subject_kind: column('对象类型', oneOf(SUBJECT_KIND.values), '对象类型：region | chief | water'),
    subject: column('对象编码', ref(), '对象编码（区划代码、河长编码或水体编码）'),
    score: optional('得分', number(), '得分'),
    rank: optional('排名', number({ min: 1, integer: true }), '排名'),
    result: column('结果', text(), '结果，如 优秀、良好、合格、不合格'),
    document: optional('通报文件', ref(), '通报文件编号（documents 中的文件名）'),
    note: optional('备注', longText(), '备注'),
  },
});

export const patrols = defineTable({
  file: 'patrols.csv',
  title: '巡河记录',
  key: 'chief',
  columns: {
    chief: column('河长编码', ref(), '河长编码'),
    month: column('月份', month(), '月份 YYYY-MM'),
    count: column('巡河次数', number({ min: 0, integer: true }), '巡河次数'),
    km: optional('巡河里程', number({ min: 0 }), '巡河里程（公里）'),
    issues_found: optional('发现问题数', number({ min: 0, integer: true }), '发现问题数'),
  },
});

export const actions = defineTable({
  file: 'actions.csv',
  title: '问责记录',
  key: 'chief',
  columns: {
    date: column('日期', date(), '日期'),
    chief: column('河长编码', ref(), '被问责河长编码'),
    kind: column('类型', oneOf(ACTION_KIND.values), '类型：约谈 | 通报批评 | 警告 | 免职 | other'),
    reason: column('事由', longText(), '事由'),
    document: optional('文件', ref(), '文件编号（documents 中的文件名）'),
  },
});

export const targets = defineTable({
  file: 'targets.csv',
  title: '目标任务',
  key: 'name',
  columns: {
    id: column('编号', id(), '编号'),
    name: column('指标', text(), '指标名称'),
    unit: column('单位', text(), '单位，如 %'),
    direction: column('方向', oneOf(DIRECTION.values), 'up 越高越好 | down 越低越好'),
    baseline: column('基期值', number(), '基期值'),
    baseline_date: column('基期日期', date(), '基期日期'),
    target: column('目标值', number(), '目标值'),
    deadline: column('完成时限', date(), '完成时限'),
    current: column('当前值', number(), '当前值'),
    current_date: column('当前值日期', date(), '当前值日期'),
    document: optional('文件', ref(), '设定该目标的文件编号'),
    metric: optional(
      '计算口径',
      metric(),
      '网站按公开数据核算该目标的口径（可留空）：stations_meeting_target 断面达标比例 | stations_good 断面水质优良（Ⅰ—Ⅲ类）比例 | cases_closed 全部问题销号率，或 cases_closed:类别1;类别2 所列类别的问题销号率（如 cases_closed:encroachment;sand_mining;dumping;illegal_building 为“四乱”） | cases_on_time 问题按期销号率 | patrol_rate:年份 该年巡河履职率（如 patrol_rate:2026）；填写后网站在填报值旁公布计算值',
    ),
  },
});

export const outlets = defineTable({
  file: 'outlets.csv',
  title: '入河排污口',
  key: 'name',
  columns: {
    id: column(['编码', '排污口编码'], id(), '排污口编码'),
    name: column('名称', text(), '排污口名称'),
    water: column('水体编码', ref(), '排入的水体编码'),
    region: column('区划代码', ref(), '所在区划代码'),
    kind: column('类型', oneOf(OUTLET_KIND.values), `类型：${OUTLET_KIND.values.join(' | ')}`),
    permit: optional('排污许可', text(), '排污许可或登记编号'),
    responsible: column('责任单位', text(), '责任单位'),
    status: column(
      '状态',
      oneOf(OUTLET_STATUS.values),
      '状态：compliant 已规范 | rectifying 整治中 | closed 已封堵 | unknown 情况不明',
    ),
    lat: optional('纬度', latitude(), '纬度（WGS84）'),
    lon: optional('经度', longitude(), '经度（WGS84）'),
    case: optional('问题编号', ref(), '相关问题编号（cases 中的编号）'),
  },
});

export const blackOdorous = defineTable({
  file: 'black-odorous.csv',
  title: '黑臭水体清单',
  key: 'water',
  columns: {
    water: column('水体编码', ref(), '水体编码'),
    segment: optional('河段编码', ref(), '河段编码；留空表示整条水体'),
    grade: column('黑臭程度', oneOf(BO_GRADE.values), '黑臭程度：light 轻度 | heavy 重度'),
    listed: column('列入日期', date(), '列入清单的日期'),
    responsible: column('责任人', ref(), '责任人（河长编码）'),
    unit: column('责任单位', text(), '责任单位'),
    deadline: column('整治时限', date(), '整治时限'),
    status: column(
      '状态',
      oneOf(BO_STATUS.values),
      '状态：listed 已列入 | treating 整治中 | eliminated 已消除 | long_term 长制久清',
    ),
    reviewed: optional('最近评估日期', date(), '最近一次评估（半年一评）的日期'),
    note: optional('备注', longText(), '备注，如最近一次评估的结论'),
  },
});

/** Every CSV table in the order they are checked (referenced files first). */
export const TABLES = {
  regions,
  waters,
  segments,
  chiefs,
  assignments,
  stations,
  readings,
  cases,
  caseEvents,
  inspections,
  patrols,
  actions,
  targets,
  outlets,
  blackOdorous,
} as const;
export type TableName = keyof typeof TABLES;

export type Region = z.output<typeof regions.row>;
export type Water = z.output<typeof waters.row>;
export type Segment = z.output<typeof segments.row>;
export type Chief = z.output<typeof chiefs.row>;
export type Assignment = z.output<typeof assignments.row>;
export type Station = z.output<typeof stations.row>;
export type Reading = z.output<typeof readings.row>;
export type Case = z.output<typeof cases.row>;
export type CaseEvent = z.output<typeof caseEvents.row>;
export type Inspection = z.output<typeof inspections.row>;
export type Patrol = z.output<typeof patrols.row>;
export type Action = z.output<typeof actions.row>;
export type Target = z.output<typeof targets.row>;
export type Outlet = z.output<typeof outlets.row>;
export type BlackOdorousEntry = z.output<typeof blackOdorous.row>;
