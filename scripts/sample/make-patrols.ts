/**
 * Deterministic generator of the sample county's src/content/patrols.csv:
 * one row per chief and month from 2025-11 to 2026-10, for every chief who
 * held a patrolling post (chief, deputy_chief, segment_chief, keeper,
 * patroller) during that month, read from assignments.csv.
 *
 *   node scripts/sample/make-patrols.ts
 *
 * Most chiefs meet the monthly requirement of site.yaml (county 1, township 1,
 * village 4, by the level of the chief's region); the SHORT table below makes
 * a few fall short on purpose, and chiefs who arrived or left within a month
 * get a partial month. Prints the share of chief-months that met the
 * requirement (the 河长巡河履职率 of targets.csv).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashString, mulberry32 } from '../lib/random.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONTENT = join(ROOT, 'src', 'content');

const FIRST = '2025-11';
const LAST = '2026-10';
const PATROL_ROLES = new Set(['chief', 'deputy_chief', 'segment_chief', 'keeper', 'patroller']);
const REQUIRED: Record<string, number> = { county: 1, township: 1, village: 4 };

/** Planned shortfalls: chief → month → count. */
const SHORT: Record<string, Record<string, number>> = {
  'yang-jinshan': { '2026-01': 2, '2026-02': 2 },
  'sun-deming': { '2025-12': 3 },
  'zhu-guilan': { '2026-07': 3 },
  'tian-wenjun': { '2026-08': 3, '2026-09': 2 },
  'dong-zhigang': { '2026-06': 3 },
  'luo-hong': { '2026-02': 0 },
  'zhao-min': { '2026-02': 0 },
  'gao-jianhua': { '2026-08': 0 },
};

function readCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(join(CONTENT, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const head = lines[0].split(',');
  return lines.slice(1).map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? '']));
  });
}

const months: string[] = [];
for (let [y, m] = FIRST.split('-').map(Number); `${y}-${String(m).padStart(2, '0')}` <= LAST; m++) {
  if (m > 12) {
    m = 1;
    y++;
  }
  months.push(`${y}-${String(m).padStart(2, '0')}`);
}
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

const regions = new Map(readCsv('regions.csv').map((r) => [r.code, r]));
const chiefs = readCsv('chiefs.csv');
const assignments = readCsv('assignments.csv').filter((a) => PATROL_ROLES.has(a.role));

const rows: string[] = ['chief,month,count,km,issues_found'];
let met = 0;
let total = 0;
let metH1 = 0;
let totalH1 = 0;
for (const c of chiefs) {
  const mine = assignments.filter((a) => a.chief === c.id);
  if (!mine.length) continue;
  const level = regions.get(c.region)!.level;
  const required = REQUIRED[level];
  const keeper = mine.some((a) => a.role === 'keeper' || a.role === 'patroller');
  const rnd = mulberry32(hashString(c.id));
  for (const month of months) {
    const from = `${month}-01`;
    const to = lastDay(month);
    // Days of the month this chief held a patrolling post.
    let days = 0;
    for (const a of mine) {
      const s = a.start > from ? a.start : from;
      const e = a.end && a.end < to ? a.end : to;
      if (s <= e) days = Math.max(days, (Date.parse(e) - Date.parse(s)) / 86400000 + 1);
    }
    if (days === 0) continue;
    const share = days / Number(to.slice(8));
    let count: number;
    let perKm: number;
    if (keeper) {
      count = 10 + Math.floor(rnd() * 11); // keepers and patrollers: 10–20 a month
      perKm = 3 + rnd() * 3;
    } else if (level === 'village') {
      count = 4 + Math.floor(rnd() * 3);
      perKm = 1.5 + rnd() * 2.5;
    } else if (level === 'township') {
      count = 1 + Math.floor(rnd() * 3);
      perKm = 4 + rnd() * 5;
    } else {
      count = 1 + (rnd() < 0.35 ? 1 : 0);
      perKm = 6 + rnd() * 10;
    }
    if (share < 1) count = Math.max(0, Math.round(count * share));
    const planned = SHORT[c.id]?.[month];
    if (planned !== undefined) count = planned;
    const km = count === 0 ? 0 : Number((count * perKm).toFixed(1));
    const issues = count === 0 ? 0 : Math.floor(rnd() * (keeper ? 4 : 2.4));
    rows.push(`${c.id},${month},${count},${km},${issues}`);
    total++;
    if (count >= required) met++;
    if (month >= '2026-01' && month <= '2026-06') {
      totalH1++;
      if (count >= required) metH1++;
    }
  }
}
writeFileSync(join(CONTENT, 'patrols.csv'), rows.join('\n') + '\n', 'utf8');
console.log(`wrote patrols.csv (${rows.length - 1} rows)`);
console.log(
  `chief-months meeting the requirement, ${FIRST} … ${LAST}: ${met}/${total} = ${((met / total) * 100).toFixed(1)} %`,
);
console.log(`… 2026-01 … 2026-06: ${metH1}/${totalH1} = ${((metH1 / totalH1) * 100).toFixed(1)} %`);
