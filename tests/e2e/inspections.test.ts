/**
 * The inspection pages of the built sample site say how a grade follows from
 * a score (site.yaml rules.inspection_grades), and what they publish agrees
 * with it: a reader who checks a row's grade against its score, or two rows'
 * ranks against their scores, finds no contradiction.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { siteDist } from '../helpers/site.ts';

const dist = siteDist();
const text = (file: string) => readFileSync(join(dist, file), 'utf8').replace(/<[^>]+>/g, '');

/** The sample office's grades, as its assessment rules (考核办法) word them. */
const SENTENCE =
  '等级划分：90 分及以上为优秀；80 分及以上、低于 90 分为良好；60 分及以上、低于 80 分为合格；低于 60 分为不合格。';
const grade = (score: number) => (score >= 90 ? '优秀' : score >= 80 ? '良好' : score >= 60 ? '合格' : '不合格');

interface Row {
  id: string;
  period: string;
  subject_kind: string;
  score: number | null;
  rank: number | null;
  result: string;
}
const rows = JSON.parse(readFileSync(join(dist, 'data/inspections.json'), 'utf8')) as Row[];

describe('inspection grades', () => {
  it('the inspections page and every period page state the score range of each grade', () => {
    const periods = readdirSync(join(dist, 'inspections')).filter((d) =>
      existsSync(join(dist, 'inspections', d, 'index.html')),
    );
    expect(periods.length).toBeGreaterThan(1);
    for (const page of ['inspections/index.html', ...periods.map((d) => `inspections/${d}/index.html`)]) {
      expect(text(page), page).toContain(SENTENCE);
    }
  });

  it('every published score has the grade the pages state for it', () => {
    const scored = rows.filter((r) => r.score !== null);
    expect(scored.length).toBeGreaterThan(10);
    for (const r of scored) expect(r.result, `${r.id}: ${r.score}`).toBe(grade(r.score!));
  });

  it('within a period and subject kind, no higher score is ranked below a lower one', () => {
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      if (r.score === null || r.rank === null) continue;
      const k = `${r.period.toUpperCase()}|${r.subject_kind}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    expect(groups.size).toBeGreaterThan(1);
    for (const list of groups.values())
      for (const a of list)
        for (const b of list)
          if (a.score! > b.score!)
            expect(a.rank, `${a.id} (${a.score}) vs ${b.id} (${b.score})`).toBeLessThanOrEqual(b.rank!);
  });
});
