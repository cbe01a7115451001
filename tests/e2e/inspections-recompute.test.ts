/**
 * Every figure of the inspection pages, recomputed from inspections.csv with
 * a second, simple implementation written here: for each period and kind of
 * subject, the ranking (rank, name, score, result), the change against the
 * previous period of the same kind (quarter against quarter, year against
 * year), the period compared with, and the count of each result.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv.ts';
import { siteDist } from '../helpers/site.ts';

const dist = siteDist();
const DATA = join(import.meta.dirname, '../../src/content');
function table(file: string): Record<string, string>[] {
  const { records } = parseCsv(readFileSync(join(DATA, file), 'utf8').replace(/^\uFEFF/, ''));
  const [head, ...rows] = records;
  return rows.map((r) => Object.fromEntries(head!.cells.map((h, i) => [h, r.cells[i] ?? ''])));
}
const rows = table('inspections.csv');
const names = new Map<string, string>([
  ...table('regions.csv').map((r) => [`region/${r.code}`, r.name!] as [string, string]),
  // A chief is named with the post held, as an inspection notice names them.
  ...table('chiefs.csv').map((r) => [`chief/${r.id}`, `${r.name}（${r.position}）`] as [string, string]),
  ...table('waters.csv').map((r) => [`water/${r.id}`, r.name!] as [string, string]),
]);

/** '2026-Q3' → { kind: 'quarter', order: 2026*4+3 }; '2026' → year. */
function period(p: string): { kind: string; order: number; label: string } {
  const q = /^(\d{4})-Q([1-4])$/i.exec(p);
  if (q)
    return {
      kind: 'quarter',
      order: Number(q[1]) * 4 + Number(q[2]),
      label: `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度`,
    };
  return { kind: 'year', order: Number(p), label: `${p}年` };
}
const num = (s: string | undefined) => (s ? Number(s) : null);
/** A subject's row of a period and kind: the later-dated one when listed twice. */
function rowsOf(p: string, kind: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const r of rows.filter((x) => x.period === p && x.subject_kind === kind)) {
    const had = out.get(r.subject!);
    if (!had || r.date! >= had.date!) out.set(r.subject!, r);
  }
  return out;
}
function expected(p: string, kind: string) {
  const mine = [...rowsOf(p, kind).values()].sort((a, b) => {
    const ra = num(a.rank),
      rb = num(b.rank),
      sa = num(a.score),
      sb = num(b.score);
    if (ra !== null && rb !== null && ra !== rb) return ra - rb;
    if ((ra === null) !== (rb === null)) return ra === null ? 1 : -1;
    if (sa !== null && sb !== null && sa !== sb) return sb - sa;
    if ((sa === null) !== (sb === null)) return sa === null ? 1 : -1;
    return a.subject! < b.subject! ? -1 : 1;
  });
  const me = period(p);
  const earlier = [...new Set(rows.filter((r) => r.subject_kind === kind).map((r) => r.period!))]
    .filter((x) => period(x).kind === me.kind && period(x).order < me.order)
    .sort((a, b) => period(a).order - period(b).order);
  const prev = earlier.at(-1) ?? null;
  const before = prev ? rowsOf(prev, kind) : null;
  const change = (r: Record<string, string>): string => {
    if (!prev) return '无上期可比';
    const b = before!.get(r.subject!);
    if (!b) return '上期未参加';
    const parts: string[] = [];
    if (num(b.rank) !== null && num(r.rank) !== null) {
      const up = num(b.rank)! - num(r.rank)!;
      parts.push(up > 0 ? `上升 ${up} 位` : up < 0 ? `下降 ${-up} 位` : '名次不变');
    }
    if (num(b.score) !== null && num(r.score) !== null) {
      const d = Math.round((num(r.score)! - num(b.score)!) * 1e6) / 1e6;
      parts.push(d > 0 ? `得分 +${d}` : d < 0 ? `得分 ${d}` : '得分不变');
    }
    if (parts.length === 0 && b.result) parts.push(b.result === r.result ? '结果不变' : `上期${b.result}`);
    return parts.join('，') || '—';
  };
  return {
    prev: prev ? period(prev).label : null,
    rows: mine.map((r) => [
      r.rank || '—',
      names.get(`${kind}/${r.subject}`) ?? r.subject,
      r.score ? String(Number(r.score)) : '—',
      r.result || '—',
      change(r),
    ]),
  };
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .trim();
/** The rows of the ranking table in a kind's section: rank, name, score, result, change. */
function published(html: string, kind: string) {
  const start = html.indexOf(`<section aria-labelledby="kind-${kind}"`);
  const section = html.slice(start, html.indexOf('</section>', html.indexOf('hz-ranking', start)));
  const tables = [...section.matchAll(/<table class="hz-ranking[^"]*"[^>]*>([\s\S]*?)<\/table>/g)].map((m) => m[1]!);
  const head = [...tables[0]!.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => text(m[1]!));
  const body = tables.flatMap((t) =>
    [...t.matchAll(/<tbody[^>]*>([\s\S]*?)<\/tbody>/g)].flatMap((b) => [
      ...b[1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g),
    ]),
  );
  const rowsOut = body.map((tr) => {
    const cells = [...tr[1]!.matchAll(/<(td|th)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => text(m[2]!));
    const at = (h: string) => (head.includes(h) ? cells[head.indexOf(h)]! : '—');
    return [at('排名'), at('考核对象'), at('得分'), at('结果'), cells[head.findIndex((h) => h.startsWith('较'))]!];
  });
  const compared = /“较上期”与(.+?)相比/.exec(text(section))?.[1] ?? null;
  return { rows: rowsOut, compared, head };
}

const periods = [...new Set(rows.map((r) => r.period!))];

describe('inspection pages recomputed from inspections.csv', () => {
  it('every period has its page', () => {
    const pages = readdirSync(join(dist, 'inspections')).filter((d) => d !== 'index.html');
    expect(pages.sort()).toEqual(periods.map((p) => p.toLowerCase()).sort());
  });

  for (const p of periods) {
    for (const kind of [...new Set(rows.filter((r) => r.period === p).map((r) => r.subject_kind!))]) {
      it(`${p} ${kind}: ranking, scores, results and the change since the previous period`, () => {
        const html = readFileSync(join(dist, 'inspections', p.toLowerCase(), 'index.html'), 'utf8');
        const got = published(html, kind);
        const want = expected(p, kind);
        expect(got.rows).toEqual(want.rows);
        if (want.prev) expect(got.compared).toBe(want.prev);
        else expect(got.rows.every((r) => r[4] === '无上期可比')).toBe(true);
      });
    }
  }

  it("the open data's rank and score changes agree with the pages", () => {
    const data = JSON.parse(readFileSync(join(dist, 'data/inspections.json'), 'utf8')) as {
      id: string;
      period: string;
      subject_kind: string;
      rank_change: number | null;
      score_change: number | null;
      previous_period: string | null;
    }[];
    for (const d of data) {
      const r = rows.find((x) => x.id === d.id)!;
      const want = expected(d.period, d.subject_kind);
      const row = want.rows.find((x) => x[1] === (names.get(`${d.subject_kind}/${r.subject}`) ?? r.subject))!;
      const change = row[4] as string;
      const up = /上升 (\d+) 位/.exec(change)?.[1];
      const down = /下降 (\d+) 位/.exec(change)?.[1];
      expect(d.rank_change, d.id).toBe(up ? Number(up) : down ? -Number(down) : change.includes('名次不变') ? 0 : null);
    }
  });
});
