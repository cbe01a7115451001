/** Wording shared by the inspection components and pages. */
import type { RankingChange } from '../../lib/inspections.ts';

export { KIND_TITLE } from '../../data/inspections.ts';

/** Change since the previous period, in words (never by colour or arrow alone). */
export function changeText(r: RankingChange): string {
  if (!r.previousPeriod) return '无上期可比';
  if (!r.previous) return '上期未参加';
  const parts: string[] = [];
  if (r.rankUp !== null)
    parts.push(r.rankUp > 0 ? `上升 ${r.rankUp} 位` : r.rankUp < 0 ? `下降 ${-r.rankUp} 位` : '名次不变');
  if (r.scoreChange !== null)
    parts.push(r.scoreChange > 0 ? `得分 +${r.scoreChange}` : r.scoreChange < 0 ? `得分 ${r.scoreChange}` : '得分不变');
  if (parts.length === 0 && r.previous.result)
    parts.push(r.previous.result === r.record.result ? '结果不变' : `上期${r.previous.result}`);
  return parts.join('，') || '—';
}

/** up | down | same | none: for a style hook next to the words. */
export function changeTone(r: RankingChange): 'up' | 'down' | 'same' | 'none' {
  const d = r.rankUp ?? (r.scoreChange !== null ? Math.sign(r.scoreChange) : null);
  if (d === null || !r.previous) return 'none';
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}
