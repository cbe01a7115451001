/**
 * Open datasets that publish a table as the office keeps it (data contract
 * v2, "More open data"): with the site's own datasets they hold every input
 * of every figure the site computes, so a reader can recompute each one.
 * Labels and the few derived fields (overdue, names) are added for reading;
 * nothing is left out.
 */
import { BO_GRADE, BO_STATUS, CASE_STATUS, DOC_KIND, DOC_STATUS, OUTLET_KIND, OUTLET_STATUS } from '../lib/enums.ts';
import { compare } from '../lib/dates.ts';
import { blackOdorousOverdue, TASK_STATE_LABEL } from '../lib/plans.ts';
import { planTasks } from './plans.ts';
import { f, type Dataset } from './dataset.ts';
import { pathWithBase } from '../lib/base.ts';

export const RECORD_DATASETS: Dataset[] = [
  {
    name: 'case-events',
    title: '问题办理过程',
    fields: [
      f('case', '问题编号'),
      f('date', '日期'),
      f('status', '状态'),
      f('status_label', '状态（中文）'),
      f('note', '说明'),
      f('by', '办理单位'),
    ],
    rows: (db) =>
      [...db.cases.values()].flatMap((c) =>
        c.events.map((e) => ({
          case: c.id,
          date: e.date,
          status: e.status,
          status_label: CASE_STATUS.labels[e.status],
          note: e.note ?? null,
          by: e.by ?? null,
        })),
      ),
  },
  {
    name: 'patrols',
    title: '巡河记录',
    fields: [
      f('chief', '河长编码'),
      f('month', '月份 YYYY-MM'),
      f('count', '巡河次数'),
      f('km', '巡河里程（公里）'),
      f('issues_found', '发现问题数'),
    ],
    rows: (db) =>
      [...db.patrols]
        .sort((a, b) => a.chief.localeCompare(b.chief) || compare(a.month, b.month))
        .map((p) => ({
          chief: p.chief,
          month: p.month,
          count: p.count,
          km: p.km ?? null,
          issues_found: p.issues_found ?? null,
        })),
  },
  {
    name: 'documents',
    title: '政策文件目录（文件信息，不含正文）',
    fields: [
      f('id', '文件编号'),
      f('title', '标题'),
      f('number', '文号'),
      f('issuer', '发文单位'),
      f('date', '发布日期'),
      f('status', '状态'),
      f('status_label', '状态（中文）'),
      f('kind', '类别'),
      f('kind_label', '类别（中文）'),
      f('waters', '涉及的水体编码'),
      f('supersedes', '本文件替代的文件编号'),
      f('superseded_by', '替代本文件的文件编号'),
      f('url', '全文在本站的地址'),
    ],
    rows: (db) =>
      [...db.documents.values()].map((d) => ({
        id: d.id,
        title: d.title,
        number: d.number ?? null,
        issuer: d.issuer,
        date: d.date,
        status: d.status,
        status_label: DOC_STATUS.labels[d.status],
        kind: d.kind,
        kind_label: DOC_KIND.labels[d.kind],
        waters: d.waters,
        supersedes: d.supersedes ?? null,
        superseded_by: d.supersededBy,
        url: pathWithBase(`/documents/${d.id}/`),
      })),
  },
  {
    name: 'tasks',
    title: '文件中的重点任务（含完成情况）',
    present: (db) => planTasks(db).length > 0,
    fields: [
      f('document', '文件编号（现行文件）'),
      f('n', '在文件任务表中的序号'),
      f('task', '任务'),
      f('lead', '牵头单位'),
      f('support', '配合单位'),
      f('deadline', '完成时限：日期，或“长期坚持”等文字'),
      f('done', '文件注明的完成日期'),
      f(
        'state',
        '完成情况，截至 as_of：done 已完成（文件注明的完成日期不晚于 as_of）| overdue 逾期未完成（已过日期型完成时限）| due 未到期 | ongoing 长期任务（完成时限不是日期）',
      ),
      f('state_label', '完成情况（中文）'),
    ],
    rows: (db) =>
      planTasks(db).map((t) => ({
        document: t.document.id,
        n: t.n,
        task: t.task,
        lead: t.lead,
        support: Array.isArray(t.support) ? t.support : t.support ? [t.support] : [],
        deadline: t.deadline ?? null,
        done: t.done ?? null,
        state: t.state,
        state_label: TASK_STATE_LABEL[t.state],
      })),
  },
  {
    name: 'outlets',
    title: '入河排污口',
    present: (db) => db.outlets.length > 0,
    fields: [
      f('id', '排污口编码'),
      f('name', '名称'),
      f('water', '排入的水体编码'),
      f('region', '区划代码'),
      f('kind', '类型'),
      f('kind_label', '类型（中文）'),
      f('permit', '排污许可或登记编号'),
      f('responsible', '责任单位'),
      f('status', '状态'),
      f('status_label', '状态（中文）'),
      f('lat', '纬度（WGS84）'),
      f('lon', '经度（WGS84）'),
      f('case', '相关问题编号'),
    ],
    rows: (db) =>
      db.outlets.map((o) => ({
        id: o.id,
        name: o.name,
        water: o.water,
        region: o.region,
        kind: o.kind,
        kind_label: OUTLET_KIND.labels[o.kind],
        permit: o.permit ?? null,
        responsible: o.responsible,
        status: o.status,
        status_label: OUTLET_STATUS.labels[o.status],
        lat: o.lat ?? null,
        lon: o.lon ?? null,
        case: o.case ?? null,
      })),
  },
  {
    name: 'black-odorous',
    title: '黑臭水体清单',
    present: (db) => db.blackOdorous.length > 0,
    fields: [
      f('water', '水体编码'),
      f('water_name', '水体名称'),
      f('segment', '河段编码，空为整个水体'),
      f('grade', '黑臭程度 light | heavy'),
      f('grade_label', '黑臭程度（中文）'),
      f('listed', '列入日期'),
      f('responsible', '责任人（河长编码）'),
      f('responsible_name', '责任人姓名'),
      f('unit', '责任单位'),
      f('deadline', '整治时限'),
      f('status', '状态 listed | treating | eliminated | long_term'),
      f('status_label', '状态（中文）'),
      f('overdue', '是否逾期：状态为已列入或整治中，且数据日期（as_of）晚于整治时限'),
      f('reviewed', '最近评估日期'),
      f('note', '备注'),
    ],
    rows: (db) =>
      db.blackOdorous.map((e) => ({
        water: e.water,
        water_name: db.waters.get(e.water)?.name ?? e.water,
        segment: e.segment ?? null,
        grade: e.grade,
        grade_label: BO_GRADE.labels[e.grade],
        listed: e.listed,
        responsible: e.responsible,
        responsible_name: db.chiefs.get(e.responsible)?.name ?? e.responsible,
        unit: e.unit,
        deadline: e.deadline,
        status: e.status,
        status_label: BO_STATUS.labels[e.status],
        overdue: blackOdorousOverdue(e, db.asOf),
        reviewed: e.reviewed ?? null,
        note: e.note ?? null,
      })),
  },
];
