/**
 * Loading and validating a data folder: the valid fixture loads with no
 * problem, and each defect fixture (tests/fixtures/defects/<kind>/, laid over
 * a copy of valid/) is reported at the file, line and column where it was
 * planted, with the field, the value and a Chinese and an English message.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataFolder, type Problem } from '../../src/loader/index.ts';
import { formatReport } from '../../src/loader/problems.ts';
import { cleanupTemp, DEFECTS, defectKinds, listFiles, makeFixture, VALID } from '../helpers/fixtures.ts';

afterAll(cleanupTemp);

type Expected = Pick<Problem, 'file' | 'line' | 'column' | 'field' | 'value'>;

/**
 * Every defect fixture: the problems it must produce (file, line, column,
 * field, value exactly as planted) and how many problems in all. `count`
 * is exact so that a defect cannot hide behind, or drown in, others.
 */
const EXPECTED: Record<string, { problems: Expected[]; count: number | 'at least one' }> = {
  'unknown-water-ref': {
    problems: [{ file: 'assignments.csv', line: 10, column: 2, field: 'water', value: 'nanwan-he' }],
    count: 1,
  },
  'unknown-chief-ref': {
    problems: [{ file: 'patrols.csv', line: 11, column: 1, field: 'chief', value: 'zheng-dl' }],
    count: 1,
  },
  'unknown-station-ref': {
    problems: [{ file: 'readings/2026.csv', line: 6, column: 1, field: 'station', value: 'jingbo-hu-xin' }],
    count: 1,
  },
  'unknown-region-ref': {
    // one code of the `;` list of the `regions` cell
    problems: [{ file: 'waters.csv', line: 4, column: 6, field: 'regions', value: '880101009000' }],
    count: 1,
  },
  'segment-of-other-water': {
    problems: [{ file: 'cases.csv', line: 4, column: 4, field: 'segment', value: 'heyuan-he-shiling' }],
    count: 1,
  },
  'unknown-case-ref': {
    problems: [{ file: 'case-events.csv', line: 16, column: 1, field: 'case', value: 'qh-2026-040' }],
    count: 1,
  },
  'unknown-document-ref': {
    problems: [{ file: 'inspections.csv', line: 2, column: 9, field: 'document', value: 'tongbao-2026-q3' }],
    count: 1,
  },
  'duplicate-id': {
    problems: [{ file: 'segments.csv', line: 7, column: 1, field: 'id', value: 'jingbo-hu-shiling' }],
    count: 1,
  },
  'impossible-date': {
    problems: [{ file: 'assignments.csv', line: 3, column: 6, field: 'end', value: '2026-02-30' }],
    count: 1,
  },
  'non-number': {
    problems: [{ file: 'waters.csv', line: 3, column: 7, field: 'length_km', value: '约8.2' }],
    count: 1,
  },
  'bad-enum': {
    problems: [{ file: 'stations.csv', line: 2, column: 5, field: 'kind', value: '县控' }],
    count: 1,
  },
  'missing-column': {
    // reported once on the header, not once per row
    problems: [{ file: 'assignments.csv', line: 1, column: undefined, field: 'role', value: undefined }],
    count: 1,
  },
  'missing-cell': {
    // an official (李静怡 holds a township chief's post) must publish a phone; the row itself is kept
    problems: [{ file: 'chiefs.csv', line: 5, column: 5, field: 'phone', value: '' }],
    count: 1,
  },
  'unbalanced-quote': {
    // the quoted note cell (4th column) opens on line 11 and never closes
    problems: [{ file: 'case-events.csv', line: 11, column: 4, field: undefined, value: undefined }],
    count: 1,
  },
  'bad-yaml': {
    // the YAML parser may add follow-up errors on the next lines of the same block
    problems: [{ file: 'site.yaml', line: 9, column: 1, field: undefined, value: undefined }],
    count: 'at least one',
  },
  'unknown-mdx-ref': {
    // the column of the id's value, after the opening quote
    problems: [
      { file: 'documents/fangan-2026.mdx', line: 13, column: 18, field: 'WaterLink id', value: 'heyuan-river' },
      { file: 'documents/fangan-2026.mdx', line: 17, column: 28, field: 'TargetValue id', value: 'tgt-dabiao' },
    ],
    count: 2,
  },
  'bad-frontmatter': {
    // frontmatter line 6 of the file (line 1 is ---); column of the value
    problems: [{ file: 'documents/tongbao-2026-q2.md', line: 6, column: 9, field: 'status', value: '现行' }],
    count: 1,
  },
  'closed-before-reported': {
    problems: [
      { file: 'case-events.csv', line: 16, column: 3, field: 'status', value: 'closed' },
      { file: 'case-events.csv', line: 15, column: 3, field: 'status', value: 'reported' },
    ],
    count: 2,
  },
  'grade-contradicts-score': {
    // 80 is exactly the lowest score of 良好; the 79.5 合格 on line 4 is right
    problems: [{ file: 'inspections.csv', line: 3, column: 8, field: 'result', value: '合格' }],
    count: 1,
  },
  'rank-contradicts-score': {
    // 79.5 ranked 3rd below 74 ranked 2nd: one of the two rows is named, with the other
    problems: [{ file: 'inspections.csv', line: 3, column: 7, field: 'rank', value: '3' }],
    count: 1,
  },
  'grade-thresholds-shared': {
    // the column of the second 80 in the flow map
    problems: [{ file: 'site.yaml', line: 21, column: 44, field: 'rules.inspection_grades.合格', value: '80' }],
    count: 1,
  },
  'bad-metric': {
    // the `;` list is one cell: the unknown category names the whole cell;
    // a metric on a count that should fall is reported at its unit and direction
    problems: [
      { file: 'targets.csv', line: 3, column: 12, field: 'metric', value: 'cases_closed:encroachment;乱堆' },
      { file: 'targets.csv', line: 4, column: 12, field: 'metric', value: 'patrol_rate:26' },
      { file: 'targets.csv', line: 5, column: 3, field: 'unit', value: '个' },
      { file: 'targets.csv', line: 5, column: 4, field: 'direction', value: 'down' },
    ],
    count: 4,
  },
  'several-defects': {
    problems: [
      { file: 'waters.csv', line: 4, column: 6, field: 'regions', value: '880101009000' },
      // after the two-line quoted description of lines 5–6
      { file: 'waters.csv', line: 7, column: 9, field: 'target_class', value: '2类' },
      { file: 'segments.csv', line: 7, column: 1, field: 'id', value: 'jingbo-hu-shiling' },
      { file: 'chiefs.csv', line: 9, column: 6, field: 'verified', value: '2026-13-01' },
      { file: 'readings/2026.csv', line: 3, column: 8, field: 'nh3n', value: '1.22mg' },
      { file: 'readings/2026.csv', line: 7, column: 2, field: 'date', value: '2026-09-31' },
      { file: 'case-events.csv', line: 16, column: 3, field: 'status', value: 'closed' },
      { file: 'case-events.csv', line: 15, column: 3, field: 'status', value: 'reported' },
      { file: 'documents/yhyc-heyuan-he.md', line: 5, column: 7, field: 'date', value: '2026-01-32' },
    ],
    count: 9,
  },
};

const pick = (p: Problem): Expected => ({
  file: p.file,
  line: p.line,
  column: p.column,
  field: p.field,
  value: p.value,
});

describe('the valid fixture', () => {
  const { folder, problems } = loadDataFolder(VALID);

  it('has no problem', () => {
    expect(problems).toEqual([]);
    expect(formatReport(problems, VALID)).toContain('数据检查通过');
  });

  it('loads every row of every file', () => {
    expect(folder.site?.as_of).toBe('2026-09-30');
    expect(folder.site?.area).toBe('880100000000');
    expect(folder.regions).toHaveLength(8);
    expect(folder.regions.filter((r) => r.data.level === 'township')).toHaveLength(3);
    expect(folder.waters.map((r) => r.data.id)).toEqual([
      'heyuan-he',
      'liutang-xi',
      'nanwan-gou',
      'jingbo-hu',
      'shiling-shuiku',
    ]);
    expect(folder.segments).toHaveLength(5);
    expect(folder.chiefs).toHaveLength(8);
    expect(folder.assignments).toHaveLength(13);
    expect(folder.stations).toHaveLength(2);
    expect(folder.readings).toHaveLength(6);
    expect(folder.cases).toHaveLength(4);
    expect(folder.caseEvents).toHaveLength(15);
    expect(folder.inspections).toHaveLength(1);
    expect(folder.patrols).toHaveLength(12);
    expect(folder.actions).toHaveLength(1);
    expect(folder.targets).toHaveLength(1);
    expect(folder.documents.map((d) => d.id).sort()).toEqual(['fangan-2026', 'tongbao-2026-q2', 'yhyc-heyuan-he']);
    expect(folder.geo.map((g) => g.id)).toEqual(['heyuan-he', 'jingbo-hu']);
    expect(Object.values(folder.encodings).every((e) => e === 'utf-8')).toBe(true);
  });

  it('keeps the line on which each record starts, across a cell spanning two lines', () => {
    const line = Object.fromEntries(folder.waters.map((r) => [r.data.id, r.line]));
    expect(line).toEqual({ 'heyuan-he': 2, 'liutang-xi': 3, 'nanwan-gou': 4, 'jingbo-hu': 5, 'shiling-shuiku': 7 });
    const lake = folder.waters.find((r) => r.data.id === 'jingbo-hu')!.data;
    expect(lake.description).toBe('县内最大湖泊，"一湖两镇"：\n北湖区属河口镇，南湖区属石岭乡。');
    expect(lake.regions).toEqual(['880101000000', '880103000000']);
    expect(lake.area_km2).toBe(3.6);
    expect(lake.length_km).toBeUndefined();
  });

  it('reads typed cells: numbers, lists, optional cells, detection limits', () => {
    const r = folder.readings[0]!.data;
    expect(r.station).toBe('heyuan-chujing');
    expect(r.ph).toEqual({ value: 7.4, belowLimit: false });
    expect(r.cu).toEqual({ value: 0.001, belowLimit: true });
    expect(r.cr6).toEqual({ value: 0.004, belowLimit: true });
    expect(r.tp).toEqual({ value: 0.12, belowLimit: false });
    const past = folder.assignments.find((a) => a.data.chief === 'sun-haitao')!.data;
    expect(past.end).toBe('2026-03-31');
    expect(past.segment).toBeUndefined();
    const c = folder.cases.find((x) => x.data.id === 'qh-2026-002')!.data;
    expect(c.description).toBe('群众反映南湾村有2处生活污水管直排入沟，"晴天也有污水"。');
    expect(c.report_ref).toBe('JB-20260510-TEST01');
    expect(
      folder.patrols.find((p) => p.data.chief === 'qian-shuhua' && p.data.month === '2026-09')!.data,
    ).toMatchObject({ count: 0, km: undefined });
  });

  it('reads document frontmatter and notes the line of each field', () => {
    const plan = folder.documents.find((d) => d.id === 'yhyc-heyuan-he')!;
    expect(plan.file).toBe('documents/yhyc-heyuan-he.md');
    expect(plan.meta).toMatchObject({
      kind: 'one_river_one_policy',
      status: 'in_force',
      date: '2026-01-15',
      waters: ['heyuan-he', 'liutang-xi'],
    });
    expect(plan.fieldLines).toMatchObject({ title: 2, date: 5, waters: 8 });
  });
});

describe('defect fixtures', () => {
  const kinds = defectKinds();

  it('each defect kind has its expectations here, and each expectation its folder', () => {
    expect(kinds).toEqual(Object.keys(EXPECTED).sort());
  });

  it('each defect folder holds only files that exist in valid/ and differ from them', () => {
    for (const kind of kinds) {
      const files = listFiles(join(DEFECTS, kind));
      expect(files.length, kind).toBeGreaterThan(0);
      for (const f of files) {
        const mine = readFileSync(join(DEFECTS, kind, f));
        const valid = readFileSync(join(VALID, f));
        expect(mine.equals(valid), `${kind}/${f} should differ from valid/${f}`).toBe(false);
      }
    }
  });

  describe.each(Object.keys(EXPECTED))('%s', (kind) => {
    const want = EXPECTED[kind]!;
    const dir = makeFixture(kind);
    const { problems } = loadDataFolder(dir);

    it('is reported at the planted file, line and column, with field and value', () => {
      const got = problems.map(pick);
      for (const w of want.problems) expect(got, JSON.stringify(problems, null, 2)).toContainEqual(w);
    });

    it(
      want.count === 'at least one'
        ? 'reports problems in the planted file only'
        : `reports exactly ${want.count} problem(s): every one, no spurious ones`,
      () => {
        if (want.count === 'at least one') {
          expect(problems.length).toBeGreaterThanOrEqual(1);
          for (const p of problems) expect(p.file).toBe(want.problems[0]!.file);
        } else {
          expect(problems.map(pick), JSON.stringify(problems, null, 2)).toHaveLength(want.count);
        }
      },
    );

    it('explains each problem in Chinese and in English', () => {
      for (const p of problems) {
        expect(p.zh.trim().length, JSON.stringify(p)).toBeGreaterThan(0);
        expect(p.en.trim().length, JSON.stringify(p)).toBeGreaterThan(0);
        expect(p.zh).not.toBe(p.en);
        expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(p.en).toMatch(/[a-z]/);
      }
    });

    it('prints every problem as file:line in the report', () => {
      const report = formatReport(problems, dir);
      for (const p of problems) {
        expect(report).toContain(`${p.file}:${p.line}${p.column ? `:${p.column}` : ''}`);
        expect(report).toContain(p.zh);
        expect(report).toContain(p.en);
      }
      expect(report).toContain(`${problems.length} problem(s)`);
    });
  });
});

describe('messages name what was expected', () => {
  it('a bad enumeration lists the allowed values', () => {
    const { problems } = loadDataFolder(makeFixture('bad-enum'));
    expect(problems[0]!.en).toMatch(/^expected one of national \| provincial/);
    expect(problems[0]!.zh).toContain('应为以下之一');
    expect(problems[0]!.key).toBe('禾源河出境');
  });

  it('an unknown reference names the file it should be listed in', () => {
    const { problems } = loadDataFolder(makeFixture('unknown-water-ref'));
    expect(problems[0]!.en).toContain('waters.csv');
    expect(problems[0]!.zh).toContain('waters.csv');
  });

  it('a duplicate id names the line of the first occurrence', () => {
    const { problems } = loadDataFolder(makeFixture('duplicate-id'));
    expect(problems[0]!.en).toContain('line 6');
    expect(problems[0]!.zh).toContain('第 6 行');
  });

  it('a result that contradicts its score names the grade of the score and its range', () => {
    const [p] = loadDataFolder(makeFixture('grade-contradicts-score')).problems;
    expect(p!.key).toBe('ins-2026-q2-hekou');
    expect(p!.zh).toBe('结果与得分不符：得分 80 属于“良好”（80 分及以上、低于 90 分），不是“合格”');
    expect(p!.en).toBe('result contradicts the score: expected "良好" for a score of 80 (80 ≤ score < 90), not "合格"');
  });

  it('a rank that contradicts the scores names the other row by id and line', () => {
    const [p] = loadDataFolder(makeFixture('rank-contradicts-score')).problems;
    expect(p!.zh).toContain('本行得分 79.5 高于 ins-2026-q2-shiling（第 4 行，得分 74，第 2 名），名次却排在其后');
    expect(p!.en).toContain(
      'score 79.5 is higher than that of ins-2026-q2-shiling (line 4, score 74, rank 2), yet ranks below it',
    );
    expect(p!.en).toMatch(/expected a higher score never to rank below a lower one/);
  });

  it('grades sharing a lowest score name the grade they collide with', () => {
    const [p] = loadDataFolder(makeFixture('grade-thresholds-shared')).problems;
    expect(p!.zh).toContain('与“良好”的最低分数相同');
    expect(p!.en).toContain('different from that of "良好"');
  });

  it('a bad metric names the unknown category and lists the forms a metric may take', () => {
    const { problems } = loadDataFolder(makeFixture('bad-metric'));
    const cat = problems.find((p) => p.line === 3)!;
    expect(cat.zh).toContain('未知的问题类别“乱堆”');
    expect(cat.en).toContain('unknown case category "乱堆"');
    for (const form of [
      'stations_meeting_target',
      'stations_good',
      'cases_closed:CAT1;CAT2',
      'cases_on_time',
      'patrol_rate:YYYY',
      'illegal_building',
    ])
      expect(cat.en).toContain(form);
    expect(cat.zh).toContain('patrol_rate:年份');
    const year = problems.find((p) => p.line === 4)!;
    expect(year.en).toContain('four-digit year');
    expect(year.key).toBe('河长巡河履职率');
  });

  it('an impossible case history names the case and the date it was closed', () => {
    const { problems } = loadDataFolder(makeFixture('closed-before-reported'));
    const after = problems.find((p) => p.line === 15)!;
    expect(after.key).toBe('qh-2026-004');
    expect(after.en).toMatch(/^expected /);
    expect(after.en).toContain('2026-08-10');
    expect(after.zh).toContain('2026-08-10');
  });
});
