/**
 * Every figure the site computes, with where it is shown, the rule it
 * applies (a link to the rule's own section on the site) and the open
 * datasets it is computed from, for /data/methods/. Where a dataset
 * publishes the figure as a field, the rule's words are that field's
 * description in /data/index.json, so the two cannot drift apart.
 */
import { DATASETS, type Dataset } from './opendata.ts';
import { METRIC_RULES } from '../lib/metrics.ts';

export interface Figure {
  id: string;
  title: string;
  /** Pages that show it. */
  shown: { label: string; href: string }[];
  /** The section of the site that states the rule. */
  rule: { label: string; href: string };
  /** The dataset field that publishes the figure, whose description says how it is computed. */
  field?: { dataset: string; name: string };
  /** The rule in words where no field publishes it, or where the field's description is only a name. */
  words?: string;
  /** Datasets the figure is computed from. */
  inputs: string[];
}

export const FIGURES: Figure[] = [
  {
    id: 'class',
    title: '水质类别',
    shown: [{ label: '水质和各监测断面的页面', href: '/quality/' }],
    rule: { label: '评价方法：水质类别', href: '/quality/#class-rule' },
    field: { dataset: 'readings', name: 'class' },
    words:
      '按 GB 3838-2002 表1，逐项比较各参与评价项目的监测值和各类标准限值，取最差一项的类别为该次监测的水质类别；低于检出限的值按检出限的一半计。',
    inputs: ['readings', 'stations'],
  },
  {
    id: 'meets-target',
    title: '是否达标',
    shown: [
      { label: '各监测断面的页面（从水质页进入）', href: '/quality/' },
      { label: '河湖页面', href: '/waters/' },
    ],
    rule: { label: '评价方法', href: '/quality/#methods' },
    field: { dataset: 'readings', name: 'meets_target' },
    words: '该次监测的水质类别不劣于断面的水质目标即为达标：目标为Ⅲ类时，Ⅰ—Ⅲ类达标，Ⅳ类、Ⅴ类和劣Ⅴ类不达标。',
    inputs: ['readings', 'stations'],
  },
  {
    id: 'main-pollutants',
    title: '主要污染指标',
    shown: [{ label: '水质、每月水质和各监测断面的页面', href: '/quality/' }],
    rule: { label: '评价方法：主要污染指标', href: '/quality/#main-pollutants' },
    field: { dataset: 'readings', name: 'main_pollutants' },
    inputs: ['readings'],
  },
  {
    id: 'black-odorous-grade',
    title: '黑臭分级',
    shown: [
      { label: '各监测断面的页面（从水质页进入）', href: '/quality/' },
      { label: '黑臭水体', href: '/black-odorous/' },
    ],
    rule: { label: '评价方法：黑臭水体分级', href: '/quality/#black-odorous' },
    field: { dataset: 'readings', name: 'black_odorous' },
    inputs: ['readings'],
  },
  {
    id: 'months-off-target',
    title: '连续未达标月数和年数',
    shown: [
      { label: '各监测断面的页面（从水质页进入）', href: '/quality/' },
      { label: '问责对照', href: '/accountability/' },
    ],
    rule: { label: '判定规则', href: '/accountability/#rules' },
    field: { dataset: 'stations', name: 'months_off_target' },
    inputs: ['readings', 'stations'],
  },
  {
    id: 'accountability',
    title: '问责对照（规则要求的措施、责任河长、是否有记录）',
    shown: [
      { label: '问责对照', href: '/accountability/' },
      { label: '河长页面', href: '/chiefs/' },
    ],
    rule: { label: '判定规则', href: '/accountability/#rules' },
    field: { dataset: 'accountability', name: 'status' },
    words:
      '断面连续未达标达到规则规定的月数或年数时，规则要求对当时的责任河长采取相应措施；在记录期限内有同种或更重的问责记录为“已记录”，期限已过仍没有的为“未见记录”，尚在期限内的为“尚在期限内”。',
    inputs: ['accountability', 'actions', 'assignments', 'segments', 'regions', 'stations', 'readings'],
  },
  {
    id: 'case-status',
    title: '问题的当前状态',
    shown: [
      { label: '问题台账', href: '/cases/' },
      { label: '进度查询', href: '/track/' },
    ],
    rule: { label: '状态和逾期怎样判断', href: '/cases/#rules-title' },
    field: { dataset: 'cases', name: 'status' },
    words:
      '问题的当前状态是日期最晚的一条办理记录的状态（同一天有多条时取表中靠后的一条）；“验收未通过”表示问题回到整改中。',
    inputs: ['cases', 'case-events'],
  },
  {
    id: 'overdue',
    title: '是否逾期、逾期天数',
    shown: [{ label: '问题台账', href: '/cases/' }],
    rule: { label: '状态和逾期怎样判断', href: '/cases/#rules-title' },
    field: { dataset: 'cases', name: 'overdue' },
    inputs: ['cases', 'case-events'],
  },
  {
    id: 'closed-on-time',
    title: '按期销号',
    shown: [{ label: '问题台账', href: '/cases/' }],
    rule: { label: '状态和逾期怎样判断', href: '/cases/#rules-title' },
    field: { dataset: 'cases', name: 'closed_on_time' },
    words:
      '已销号的问题，销号日期（状态为“已销号”的办理记录日期）不晚于整改时限的为按期销号，晚于整改时限的为逾期销号。',
    inputs: ['cases', 'case-events'],
  },
  {
    id: 'patrol-rate',
    title: '河长巡河履职率',
    shown: [{ label: '巡河履职', href: '/patrols/' }],
    rule: { label: '目标任务：计算方法', href: '/targets/#how-computed' },
    words: METRIC_RULES.find((m) => m.kind === 'patrol_rate')!.rule,
    inputs: ['patrols', 'assignments', 'chiefs', 'regions'],
  },
  {
    id: 'targets',
    title: '目标任务的计算值和状态',
    shown: [{ label: '目标任务', href: '/targets/' }],
    rule: { label: '按公开数据计算的方法', href: '/targets/#how-computed' },
    field: { dataset: 'targets', name: 'computed' },
    inputs: ['targets', 'readings', 'stations', 'cases', 'case-events', 'patrols', 'assignments', 'outlets'],
  },
  {
    id: 'inspection-change',
    title: '督查考核的排名和得分变化',
    shown: [{ label: '督查考核', href: '/inspections/' }],
    rule: { label: '督查考核', href: '/inspections/' },
    field: { dataset: 'inspections', name: 'rank_change' },
    inputs: ['inspections'],
  },
  {
    id: 'black-odorous-overdue',
    title: '黑臭水体是否逾期',
    shown: [{ label: '黑臭水体', href: '/black-odorous/' }],
    rule: { label: '黑臭水体清单', href: '/black-odorous/' },
    field: { dataset: 'black-odorous', name: 'overdue' },
    inputs: ['black-odorous'],
  },
  {
    id: 'outlets-regulated',
    title: '入河排污口规范整治率',
    shown: [{ label: '入河排污口', href: '/outlets/' }],
    rule: { label: '目标任务：计算方法', href: '/targets/#how-computed' },
    words: METRIC_RULES.find((m) => m.kind === 'outlets_regulated')!.rule,
    inputs: ['outlets'],
  },
  {
    id: 'task-state',
    title: '重点任务完成情况',
    shown: [
      { label: '河长办', href: '/office/' },
      { label: '目标任务', href: '/targets/' },
    ],
    rule: { label: '河长办：任务清单', href: '/office/#lists' },
    field: { dataset: 'tasks', name: 'state' },
    inputs: ['tasks', 'documents'],
  },
];

/** A figure's rule in words: its own words where the field's description is too short to be the rule, else that description. */
export function ruleWords(f: Figure, datasets: readonly Dataset[] = DATASETS): string {
  if (f.words) return f.words;
  if (f.field) {
    const d = datasets.find((x) => x.name === f.field!.dataset);
    const field = d?.fields.find((x) => x.name === f.field!.name);
    if (field) return field.description;
  }
  return '';
}
