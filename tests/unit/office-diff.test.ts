import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataFolder } from '../../src/loader/index.ts';
import { diffFolders, formatDiff } from '../../src/office/diff.ts';
import { renderReportHtml } from '../../src/office/report-html.ts';
import { formatReport, formatReportGrouped, type Problem } from '../../src/loader/problems.ts';
import { cleanupTemp, makeFixture, VALID } from '../helpers/fixtures.ts';

afterAll(cleanupTemp);

describe('diff of two data folders', () => {
  it('lists appointments, removals, cases, readings and stations newly off target', () => {
    const dir = makeFixture();
    const edit = (f: string, fn: (s: string) => string) =>
      writeFileSync(join(dir, f), fn(readFileSync(join(dir, f), 'utf8')));
    edit('site.yaml', (s) => s.replace('as_of: 2026-09-30', 'as_of: 2026-11-15'));
    edit('assignments.csv', (s) =>
      s.replace(
        'zhao-mingyuan,heyuan-he,,general_chief,2022-01-01,,',
        'zhao-mingyuan,heyuan-he,,general_chief,2022-01-01,2026-10-31,',
      ),
    );
    appendFileSync(join(dir, 'chiefs.csv'), 'wu-xin,吴新,县委书记,880100000000,0000-5550100,2026-11-01\n');
    appendFileSync(join(dir, 'assignments.csv'), 'wu-xin,heyuan-he,,general_chief,2026-11-01,,\n');
    appendFileSync(
      join(dir, 'cases.csv'),
      'qh-2026-009,禾源河新发现排污口,heyuan-he,,880101000000,2026-10-05,patrol,sewage_outlet,,河口镇人民政府,2026-10-30,,,,\n',
    );
    appendFileSync(
      join(dir, 'readings/2026.csv'),
      'heyuan-chujing,2026-10-14,7.3,2.1,9.0,35,6.5,2.6,0.45,3.0,0.001L,0.00004L,20.0,0.004L\n',
    );
    const a = loadDataFolder(VALID);
    const b = loadDataFolder(dir);
    expect(b.problems).toEqual([]);
    const d = diffFolders(a.folder, b.folder);
    expect(d.appointed.join()).toContain('吴新');
    expect(d.removed.join()).toContain('赵明远');
    expect(d.chiefsAdded.join()).toContain('吴新');
    expect(d.casesOpened.join()).toContain('qh-2026-009');
    expect(d.newlyOverdue.join()).toContain('qh-2026-009');
    expect(d.readingsAdded).toEqual([{ station: '禾源河出境（heyuan-chujing）', count: 1, dates: ['2026-10-14'] }]);
    expect(d.newlyOffTarget.join()).toContain('heyuan-chujing');
    expect(formatDiff(d)).toContain('新任河长');
    const same = diffFolders(a.folder, a.folder);
    expect([...same.appointed, ...same.removed, ...same.casesOpened, ...same.newlyOffTarget, ...same.tables]).toEqual(
      [],
    );
  });
});

describe('grouped and HTML reports', () => {
  const problems: Problem[] = [
    {
      file: 'waters.csv',
      line: 4,
      column: 6,
      field: 'regions',
      value: '8801',
      key: '南湾沟',
      zh: '未知的区划代码',
      en: 'unknown region code',
    },
    {
      file: 'chiefs.csv',
      line: 9,
      column: 6,
      field: 'verified',
      value: '<b>',
      key: '王秀英',
      zh: '日期应为 YYYY-MM-DD',
      en: 'expected a date',
    },
    { file: 'waters.csv', line: 2, column: 3, field: 'kind', value: 'x', zh: '应为以下之一', en: 'one of' },
  ];
  it('groups by file with keys, locations and a summary, leaving formatReport as it was', () => {
    const r = formatReportGrouped(problems, '/data', { 'waters.csv': '江河湖库名录' });
    expect(r).toContain('■ waters.csv（江河湖库名录）：2 个问题');
    expect(r).toContain('第 4 行 F 列【南湾沟】');
    expect(r).toContain('waters.csv:4:6');
    expect(r).toContain('3 problem(s)');
    expect(r.indexOf('第 2 行 C 列')).toBeLessThan(r.indexOf('第 4 行 F 列'));
    expect(formatReport(problems, '/data')).toContain('waters.csv:4:6 [regions]（南湾沟） 值 "8801"：未知的区划代码');
  });
  it('renders an escaped HTML page with a count per file', () => {
    const html = renderReportHtml(problems, '/data', new Date('2026-10-01T00:00:00Z'));
    expect(html).toContain('发现 3 个问题，分布在 2 个文件中');
    expect(html).toContain('核实日期（verified）');
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toContain('<b>');
    expect(renderReportHtml([], '/data')).toContain('数据检查通过');
  });
});
