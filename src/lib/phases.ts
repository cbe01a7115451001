/**
 * The timeline of plans: their phases (动员部署, 全面推进, 检查落实, 验收总结)
 * and deadlines, from the documents' data. Phases come from a document's
 * optional `phases` frontmatter, else from headings that carry a date range
 * ("（一）动员部署（2025年3月1日—4月30日）"); milestones are the document's
 * date and its targets' deadlines. States are judged against as_of.
 */
import { compare, isValidDate } from './dates.ts';

export interface Phase {
  name: string;
  start: string;
  end: string;
}

export type PhaseState = 'done' | 'current' | 'upcoming';

export const PHASE_STATE_LABEL: Record<PhaseState, string> = { done: '已结束', current: '进行中', upcoming: '未开始' };

export interface Milestone {
  date: string;
  label: string;
  kind: 'issued' | 'deadline';
  /** Target id for a deadline. */
  target?: string;
}

const pad = (n: string | number) => String(n).padStart(2, '0');
const DATE_ZH = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

/**
 * A heading with a phase name and a Chinese date range, e.g.
 * "（一）动员部署（2025年3月1日—4月30日）" → { name: '动员部署', start: '2025-03-01', end: '2025-04-30' }.
 * The end may omit its year (it takes the start's, or the next year when that would end before the start).
 */
export function parsePhaseHeading(text: string): Phase | null {
  const open = text.search(/[（(]\s*\d{4}\s*年/);
  if (open < 0) return null;
  const name = text
    .slice(0, open)
    .replace(/^\s*[（(][一二三四五六七八九十\d]+[）)]\s*/, '')
    .replace(/^\s*[一二三四五六七八九十\d]+[、.．]\s*/, '')
    .replace(/^第[一二三四五六七八九十\d]+阶段[：:\s]*/, '')
    .trim();
  const dates = [...text.slice(open).matchAll(DATE_ZH)];
  if (!name || dates.length < 2) return null;
  const y1 = Number(dates[0]![1]);
  const start = `${y1}-${pad(dates[0]![2]!)}-${pad(dates[0]![3]!)}`;
  let y2 = dates[1]![1] ? Number(dates[1]![1]) : y1;
  let end = `${y2}-${pad(dates[1]![2]!)}-${pad(dates[1]![3]!)}`;
  if (!dates[1]![1] && end < start) {
    y2 += 1;
    end = `${y2}-${pad(dates[1]![2]!)}-${pad(dates[1]![3]!)}`;
  }
  if (!isValidDate(start) || !isValidDate(end) || end < start) return null;
  return { name, start, end };
}

/** Phases of a document: its frontmatter `phases` if any, else those its headings name. Sorted by start. */
export function documentPhases(
  doc: { phases?: Phase[] | undefined },
  headings: readonly { text: string }[] = [],
): Phase[] {
  const list =
    doc.phases && doc.phases.length > 0
      ? doc.phases
      : headings.map((h) => parsePhaseHeading(h.text)).filter((p): p is Phase => p !== null);
  return [...list].sort((a, b) => compare(a.start, b.start) || compare(a.end, b.end));
}

export function phaseState(p: Phase, asOf: string): PhaseState {
  if (asOf > p.end) return 'done';
  if (asOf < p.start) return 'upcoming';
  return 'current';
}

/** The document's date and its targets' deadlines, in date order (targets sharing a deadline are one milestone each). */
export function milestones(
  doc: { date: string },
  targets: readonly { id: string; name: string; deadline: string }[],
): Milestone[] {
  const out: Milestone[] = [{ date: doc.date, label: '印发', kind: 'issued' }];
  for (const t of targets) out.push({ date: t.deadline, label: `${t.name}完成时限`, kind: 'deadline', target: t.id });
  return out.sort((a, b) => compare(a.date, b.date) || (a.kind === b.kind ? 0 : a.kind === 'issued' ? -1 : 1));
}

/** Earliest and latest date of a timeline: the span its chart covers. */
export function span(phases: readonly Phase[], marks: readonly Milestone[]): { from: string; to: string } | null {
  const dates = [...phases.flatMap((p) => [p.start, p.end]), ...marks.map((m) => m.date)].sort();
  return dates.length ? { from: dates[0]!, to: dates[dates.length - 1]! } : null;
}
