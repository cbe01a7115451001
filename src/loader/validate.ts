/**
 * Checks across files: unknown references, duplicate ids, impossible dates
 * and case histories. Each problem points at the row and cell that holds the
 * bad value.
 */
import { validateCaseEvents, type CaseEvent } from '../lib/cases.ts';
import { compare } from '../lib/dates.ts';
import { bandRangeEn, bandRangeZh, gradeBands, gradeOf, rankConflicts, type Grades } from '../lib/inspections.ts';
import type { Problem } from './problems.ts';
import type { RawFolder, Row } from './read.ts';
import { photoProblem } from './media.ts';
import { push } from '../lib/collections.ts';
import { isParticipantRole } from '../lib/enums.ts';

const NAMES: Record<string, { zh: string; en: string; file: string }> = {
  region: { zh: '区划代码', en: 'region code', file: 'regions.csv' },
  water: { zh: '水体编码', en: 'water id', file: 'waters.csv' },
  segment: { zh: '河段编码', en: 'segment id', file: 'segments.csv' },
  chief: { zh: '河长编码', en: 'chief id', file: 'chiefs.csv' },
  station: { zh: '断面编码', en: 'station id', file: 'stations.csv' },
  case: { zh: '问题编号', en: 'case id', file: 'cases.csv' },
  document: { zh: '文件编号', en: 'document id', file: 'documents/' },
};

/**
 * A black-odorous entry's segment must lie on the entry's water, or the list
 * would name one water and point at another's reach.
 */
function segmentOfWater(f: RawFolder, problems: Problem[]): void {
  const waterOf = new Map(f.segments.map((r) => [r.data.id, r.data.water]));
  for (const row of f.blackOdorous) {
    const seg = row.data.segment;
    const on = seg === undefined ? undefined : waterOf.get(seg);
    if (on !== undefined && on !== row.data.water) {
      problems.push(
        cell(
          row,
          'segment',
          seg,
          row.data.water,
          `河段“${seg}”属于水体“${on}”，不属于本行的水体“${row.data.water}”`,
          `segment "${seg}" lies on water "${on}", not on this row's water "${row.data.water}"`,
        ),
      );
    }
  }
}

/**
 * Officials must publish a phone (it is what the sign is for); only a person
 * whose every post is a participant role (民间河长, 社会监督员, 志愿者) may
 * leave it empty (data contract v2).
 */
function officialsHavePhones(f: RawFolder, problems: Problem[]): void {
  const roles = new Map<string, string[]>();
  for (const a of f.assignments) push(roles, a.data.chief, a.data.role);
  for (const row of f.chiefs) {
    if (row.data.phone !== undefined) continue;
    const held = roles.get(row.data.id) ?? [];
    if (held.length > 0 && held.every(isParticipantRole)) continue;
    problems.push(
      cell(
        row,
        'phone',
        '',
        row.data.name,
        '必填：河长、河段长等公职人员须公开联系电话（只担任民间河长、社会监督员或志愿者的人才可留空）',
        'a phone is required: only a person who holds nothing but participant roles (civic_chief, supervisor, volunteer) may leave it empty',
      ),
    );
  }
}

function cell<T>(
  row: Row<T>,
  field: string,
  value: string | undefined,
  key: string | undefined,
  zh: string,
  en: string,
): Problem {
  return { file: row.file, line: row.line, column: row.columns[field], field, value, key, zh, en };
}

export function validateFolder(f: RawFolder, problems: Problem[]): void {
  const ids = {
    region: new Set(f.regions.map((r) => r.data.code)),
    water: new Set(f.waters.map((r) => r.data.id)),
    segment: new Set(f.segments.map((r) => r.data.id)),
    chief: new Set(f.chiefs.map((r) => r.data.id)),
    station: new Set(f.stations.map((r) => r.data.id)),
    case: new Set(f.cases.map((r) => r.data.id)),
    document: new Set(f.documents.map((d) => d.id)),
  };
  const targetIds = new Set([...f.targets.map((r) => r.data.id), ...(f.rejectedIds?.targets ?? [])]);
  // Rows present in their file but rejected for a bad cell: references to
  // them are not "unknown" (the row's own problem is already reported).
  const present = {
    region: f.rejectedIds?.regions,
    water: f.rejectedIds?.waters,
    segment: f.rejectedIds?.segments,
    chief: f.rejectedIds?.chiefs,
    station: f.rejectedIds?.stations,
    case: f.rejectedIds?.cases,
    document: f.rejectedIds?.documents,
  };

  /** A reference cell (or list cell) that must name an existing id. */
  const ref = <T>(
    rows: Row<T>[],
    field: keyof T & string,
    kind: keyof typeof ids,
    keyOf?: (d: T) => string | undefined,
  ) => {
    const known = ids[kind];
    const n = NAMES[kind];
    for (const row of rows) {
      const v = row.data[field] as unknown;
      if (v === undefined) continue;
      for (const x of Array.isArray(v) ? (v as string[]) : [String(v)]) {
        if (!known.has(x) && !present[kind]?.has(x)) {
          problems.push(
            cell(
              row,
              field,
              x,
              keyOf?.(row.data),
              `未知的${n.zh}“${x}”：${n.file} 中没有这个编码`,
              `unknown ${n.en} "${x}": expected an id listed in ${n.file}`,
            ),
          );
        }
      }
    }
  };

  const unique = <T>(rows: Row<T>[], field: keyof T & string, label: { zh: string; en: string }) => {
    const first = new Map<string, Row<T>>();
    for (const row of rows) {
      const v = String(row.data[field]);
      const prev = first.get(v);
      if (prev)
        problems.push(
          cell(
            row,
            field,
            v,
            undefined,
            `${label.zh}重复：与第 ${prev.line} 行相同`,
            `duplicate ${label.en}: also on line ${prev.line}; expected a unique value`,
          ),
        );
      else first.set(v, row);
    }
  };

  unique(f.regions, 'code', { zh: '区划代码', en: 'region code' });
  unique(f.waters, 'id', { zh: '水体编码', en: 'water id' });
  unique(f.segments, 'id', { zh: '河段编码', en: 'segment id' });
  unique(f.chiefs, 'id', { zh: '河长编码', en: 'chief id' });
  unique(f.stations, 'id', { zh: '断面编码', en: 'station id' });
  unique(f.cases, 'id', { zh: '问题编号', en: 'case id' });
  unique(f.inspections, 'id', { zh: '考核结果编号', en: 'inspection id' });
  unique(f.targets, 'id', { zh: '目标编号', en: 'target id' });
  const withRef = f.cases.filter((c) => c.data.report_ref);
  unique(withRef, 'report_ref', { zh: '举报受理编号', en: 'report reference' });

  // Two readings of one station on one date are ambiguous.
  const readingKeys = new Map<string, Row<unknown>>();
  for (const row of f.readings) {
    const k = `${row.data.station}|${row.data.date}`;
    const prev = readingKeys.get(k);
    if (prev)
      problems.push(
        cell(
          row,
          'date',
          row.data.date,
          row.data.station,
          `同一断面同一日期的监测数据重复：与 ${prev.file} 第 ${prev.line} 行相同`,
          `duplicate reading for this station and date: also ${prev.file} line ${prev.line}`,
        ),
      );
    else readingKeys.set(k, row as Row<unknown>);
  }
  const patrolKeys = new Map<string, number>();
  for (const row of f.patrols) {
    const k = `${row.data.chief}|${row.data.month}`;
    const prev = patrolKeys.get(k);
    if (prev)
      problems.push(
        cell(
          row,
          'month',
          row.data.month,
          row.data.chief,
          `同一河长同一月份的巡河记录重复：与第 ${prev} 行相同`,
          `duplicate patrol record for this chief and month: also line ${prev}`,
        ),
      );
    else patrolKeys.set(k, row.line);
  }
  const docIds = new Map<string, string>();
  for (const d of f.documents) {
    const prev = docIds.get(d.id);
    if (prev)
      problems.push({
        file: d.file,
        value: d.id,
        zh: `文件编号重复：与 ${prev} 相同`,
        en: `duplicate document id: also ${prev}`,
      });
    else docIds.set(d.id, d.file);
  }

  // References.
  ref(f.regions, 'parent', 'region', (d) => d.name);
  ref(f.waters, 'parent', 'water', (d) => d.name);
  ref(f.waters, 'regions', 'region', (d) => d.name);
  ref(f.waters, 'plan', 'document', (d) => d.name);
  ref(f.segments, 'water', 'water', (d) => d.name);
  ref(f.segments, 'region', 'region', (d) => d.name);
  ref(f.chiefs, 'region', 'region', (d) => d.name);
  ref(f.assignments, 'chief', 'chief');
  ref(f.assignments, 'water', 'water', (d) => d.chief);
  ref(f.assignments, 'segment', 'segment', (d) => d.chief);
  ref(f.stations, 'water', 'water', (d) => d.name);
  ref(f.stations, 'region', 'region', (d) => d.name);
  ref(f.readings, 'station', 'station');
  ref(f.cases, 'water', 'water', (d) => d.title);
  ref(f.cases, 'segment', 'segment', (d) => d.title);
  ref(f.cases, 'region', 'region', (d) => d.title);
  ref(f.caseEvents, 'case', 'case');
  ref(f.patrols, 'chief', 'chief');
  ref(f.actions, 'chief', 'chief');
  ref(f.actions, 'document', 'document');
  ref(f.inspections, 'document', 'document');
  ref(f.targets, 'document', 'document', (d) => d.name);
  ref(f.waters, 'boundary', 'document', (d) => d.name);
  ref(f.waters, 'health', 'document', (d) => d.name);
  unique(f.outlets, 'id', { zh: '排污口编码', en: 'outlet id' });
  ref(f.outlets, 'water', 'water', (d) => d.name);
  ref(f.outlets, 'region', 'region', (d) => d.name);
  ref(f.outlets, 'case', 'case', (d) => d.name);
  ref(f.blackOdorous, 'water', 'water');
  ref(f.blackOdorous, 'segment', 'segment', (d) => d.water);
  ref(f.blackOdorous, 'responsible', 'chief', (d) => d.water);
  segmentOfWater(f, problems);
  officialsHavePhones(f, problems);
  for (const row of f.inspections) {
    const kind = (row.data.subject_kind === 'region' ? 'region' : row.data.subject_kind) as keyof typeof ids;
    if (!ids[kind].has(row.data.subject) && !present[kind]?.has(row.data.subject)) {
      const n = NAMES[kind];
      problems.push(
        cell(
          row,
          'subject',
          row.data.subject,
          undefined,
          `未知的${n.zh}“${row.data.subject}”：对象类型为 ${row.data.subject_kind}，${n.file} 中没有这个编码`,
          `unknown ${n.en} "${row.data.subject}" for subject_kind ${row.data.subject_kind}: expected an id listed in ${n.file}`,
        ),
      );
    }
  }
  if (f.site && !ids.region.has(f.site.area) && !present.region?.has(f.site.area)) {
    problems.push({
      file: 'site.yaml',
      line: f.siteLines.area,
      field: 'area',
      value: f.site.area,
      zh: '未知的区划代码：regions.csv 中没有这个编码',
      en: 'unknown region code: expected a code listed in regions.csv',
    });
  }
  for (const d of f.documents) {
    for (const w of d.meta.waters) {
      if (!ids.water.has(w) && !present.water?.has(w))
        problems.push({
          file: d.file,
          line: d.fieldLines.waters,
          field: 'waters',
          value: w,
          zh: `未知的水体编码“${w}”：waters.csv 中没有这个编码`,
          en: `unknown water id "${w}": expected an id listed in waters.csv`,
        });
    }
    if (d.meta.supersedes && !ids.document.has(d.meta.supersedes) && !present.document?.has(d.meta.supersedes)) {
      problems.push({
        file: d.file,
        line: d.fieldLines.supersedes,
        field: 'supersedes',
        value: d.meta.supersedes,
        zh: '未知的文件编号：documents/ 中没有这个文件',
        en: 'unknown document id: expected a file name in documents/',
      });
    }
    for (const r of d.componentRefs) {
      if (r.component === 'WaterLink' && !ids.water.has(r.id) && !present.water?.has(r.id)) {
        problems.push({
          file: d.file,
          line: r.line,
          column: r.column,
          field: 'WaterLink id',
          value: r.id,
          zh: `<WaterLink> 引用了未知的水体编码“${r.id}”：waters.csv 中没有这个编码`,
          en: `<WaterLink> names an unknown water id "${r.id}": expected an id listed in waters.csv`,
        });
      }
      if (r.component === 'TargetValue' && !targetIds.has(r.id)) {
        problems.push({
          file: d.file,
          line: r.line,
          column: r.column,
          field: 'TargetValue id',
          value: r.id,
          zh: `<TargetValue> 引用了未知的目标编码“${r.id}”：targets.csv 中没有这个编码`,
          en: `<TargetValue> names an unknown target id "${r.id}": expected an id listed in targets.csv`,
        });
      }
    }
  }

  // A segment must belong to the water it is named with.
  const segmentWater = new Map(f.segments.map((s) => [s.data.id, s.data.water]));
  const sameWater = <T extends { water: string; segment?: string }>(rows: Row<T>[]) => {
    for (const row of rows) {
      const s = row.data.segment;
      if (!s) continue;
      const w = segmentWater.get(s);
      if (w && w !== row.data.water)
        problems.push(
          cell(
            row,
            'segment',
            s,
            undefined,
            `河段“${s}”属于水体“${w}”，不属于本行的水体“${row.data.water}”`,
            `segment "${s}" belongs to water "${w}", expected a segment of "${row.data.water}"`,
          ),
        );
    }
  };
  sameWater(f.assignments);
  sameWater(f.cases);

  // Impossible dates.
  for (const row of f.assignments) {
    if (row.data.end && compare(row.data.end, row.data.start) < 0) {
      problems.push(
        cell(
          row,
          'end',
          row.data.end,
          row.data.chief,
          `离任日期早于任职日期 ${row.data.start}`,
          `end date before the start date ${row.data.start}`,
        ),
      );
    }
  }
  for (const row of f.cases) {
    if (compare(row.data.deadline, row.data.found) < 0) {
      problems.push(
        cell(
          row,
          'deadline',
          row.data.deadline,
          row.data.title,
          `整改时限早于发现日期 ${row.data.found}`,
          `deadline before the found date ${row.data.found}`,
        ),
      );
    }
  }
  if (f.site) {
    const asOf = f.site.as_of;
    for (const row of f.cases) {
      if (compare(row.data.found, asOf) > 0)
        problems.push(
          cell(
            row,
            'found',
            row.data.found,
            row.data.title,
            `发现日期晚于数据截止日期 as_of ${asOf}`,
            `found date after the data's as_of date ${asOf}`,
          ),
        );
    }
    for (const row of f.readings) {
      if (compare(row.data.date.slice(0, 7), asOf.slice(0, 7)) > 0)
        problems.push(
          cell(
            row,
            'date',
            row.data.date,
            row.data.station,
            `采样日期晚于数据截止日期 as_of ${asOf}`,
            `sampling date after the data's as_of date ${asOf}`,
          ),
        );
    }
  }
  for (const row of f.targets) {
    if (compare(row.data.deadline, row.data.baseline_date) < 0)
      problems.push(
        cell(
          row,
          'deadline',
          row.data.deadline,
          row.data.name,
          `完成时限早于基期日期 ${row.data.baseline_date}`,
          `deadline before the baseline date ${row.data.baseline_date}`,
        ),
      );
    // A metric is a percentage where higher is better: the computed value would
    // be judged against the target in the wrong unit or direction otherwise.
    if (row.data.metric && !/^[%％]$/.test(row.data.unit))
      problems.push(
        cell(
          row,
          'unit',
          row.data.unit,
          row.data.name,
          `填写了计算口径 ${row.data.metric} 的目标，单位应为 %（计算值是百分比）`,
          `unit % for a target with metric ${row.data.metric} (the computed value is a percentage)`,
        ),
      );
    if (row.data.metric && row.data.direction !== 'up')
      problems.push(
        cell(
          row,
          'direction',
          row.data.direction,
          row.data.name,
          `填写了计算口径 ${row.data.metric} 的目标，方向应为 up（计算值越高越好）`,
          `direction up for a target with metric ${row.data.metric} (a higher computed value is better)`,
        ),
      );
  }

  // Photos: regular image files inside media/ (see media.ts).
  for (const row of f.cases) {
    for (const p of row.data.photos ?? []) {
      const bad = photoProblem(f.dir, f.media, p);
      if (bad) problems.push(cell(row, 'photos', p, row.data.title, bad.zh, bad.en));
    }
  }
  for (const g of f.geo) {
    if (!ids.water.has(g.id) && !present.water?.has(g.id))
      problems.push({
        file: 'geo/waters.geojson',
        field: 'properties.id',
        value: g.id,
        zh: `未知的水体编码“${g.id}”：waters.csv 中没有这个编码`,
        en: `unknown water id "${g.id}": expected an id listed in waters.csv`,
      });
  }

  if (f.site?.rules.inspection_grades) validateGrades(f, f.site.rules.inspection_grades, problems);

  // Case histories: impossible sequences are data errors on case-events.csv.
  if (f.site) {
    const byCase = new Map<string, CaseEvent[]>();
    const eventRows = new Map<number, Row<unknown>>();
    for (const row of f.caseEvents) {
      const list = byCase.get(row.data.case) ?? [];
      list.push({ ...row.data, line: row.line });
      byCase.set(row.data.case, list);
      eventRows.set(row.line, row as Row<unknown>);
    }
    for (const c of f.cases) {
      const events = byCase.get(c.data.id);
      if (!events) continue;
      for (const p of validateCaseEvents(c.data, events, f.site.as_of)) {
        const row = p.line != null ? eventRows.get(p.line) : undefined;
        problems.push({
          file: 'case-events.csv',
          line: p.line ?? undefined,
          column: row?.columns[p.column],
          field: p.column,
          value: p.value,
          key: c.data.id,
          zh: p.expectedZh,
          en: `expected ${p.expected}`,
        });
      }
    }
  }
}

/**
 * With `rules.inspection_grades` set: a scored row's result must be the grade
 * its score falls in, and ranks must agree with scores within a period and
 * subject kind (see rankConflicts).
 */
function validateGrades(f: RawFolder, grades: Grades, problems: Problem[]): void {
  const bands = gradeBands(grades);
  const names = bands.map((b) => b.name);
  const lowest = bands.at(-1);
  for (const row of f.inspections) {
    const { id, score, result } = row.data;
    if (score == null) continue;
    const band = gradeOf(bands, score);
    if (!band) {
      problems.push(
        cell(
          row,
          'score',
          String(score),
          id,
          `得分低于所有等级的最低分：site.yaml 中最低的等级“${lowest?.name}”从 ${lowest?.min} 分起，无法评定等级`,
          `score below every grade: expected at least ${lowest?.min}, the lowest score of the lowest grade "${lowest?.name}" in site.yaml rules.inspection_grades`,
        ),
      );
    } else if (!Object.hasOwn(grades, result)) {
      problems.push(
        cell(
          row,
          'result',
          result,
          id,
          `结果“${result}”不是 site.yaml 所列的考核等级（${names.join('、')}）：得分 ${score} 应为“${band.name}”`,
          `"${result}" is not a grade of site.yaml rules.inspection_grades: expected one of ${names.join(' | ')}, here "${band.name}" for a score of ${score} (${bandRangeEn(band)})`,
        ),
      );
    } else if (result !== band.name) {
      problems.push(
        cell(
          row,
          'result',
          result,
          id,
          `结果与得分不符：得分 ${score} 属于“${band.name}”（${bandRangeZh(band, band === lowest)}），不是“${result}”`,
          `result contradicts the score: expected "${band.name}" for a score of ${score} (${bandRangeEn(band)}), not "${result}"`,
        ),
      );
    }
  }
  for (const { record, other } of rankConflicts(f.inspections.map((r) => ({ ...r.data, line: r.line, row: r })))) {
    const higher = record.score! > other.score!;
    const them = `${other.id}（第 ${other.line} 行，得分 ${other.score}，第 ${other.rank} 名）`;
    const themEn = `${other.id} (line ${other.line}, score ${other.score}, rank ${other.rank})`;
    problems.push(
      cell(
        record.row,
        'rank',
        String(record.rank),
        record.id,
        higher
          ? `排名与得分矛盾：本行得分 ${record.score} 高于 ${them}，名次却排在其后；同一考核期同类对象中，得分高的不应排在得分低的后面`
          : `排名与得分矛盾：本行得分 ${record.score} 低于 ${them}，名次却排在其前；同一考核期同类对象中，得分高的不应排在得分低的后面`,
        `rank contradicts the scores: score ${record.score} is ${higher ? 'higher' : 'lower'} than that of ${themEn}, yet ranks ${higher ? 'below' : 'above'} it; expected a higher score never to rank below a lower one in the same period and subject kind`,
      ),
    );
  }
}
