/**
 * One page of every page type of a built site, picked from the files in
 * dist (so the tests follow the data, not hard-coded ids). Types whose
 * pages are not in the build (a feature not finished yet) are left out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface PageOfType {
  /** A short name of the page type, used in test names. */
  type: string;
  /** The path to open, e.g. /waters/qingxi-he/. */
  path: string;
  /** The page draws line charts (Chart.js on demand), runs a search (Pagefind on demand) or has the report form (bigger JS budget). */
  heavy?: 'chart' | 'search' | 'report';
}

const has = (dist: string, path: string) =>
  existsSync(join(dist, path.split('?')[0]!, path.endsWith('.html') ? '' : 'index.html'));

function subdirs(dist: string, dir: string, pattern = /./): string[] {
  const full = join(dist, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true })
    .filter((e) => e.isDirectory() && pattern.test(e.name) && existsSync(join(full, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
}

function json<T>(dist: string, path: string): T | undefined {
  const f = join(dist, path);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as T) : undefined;
}

/** The water with the most to show (chiefs, stations), so its page has every block. */
function richestWater(dist: string): string | undefined {
  const waters = json<{ id: string; current_chiefs: string[]; stations?: string[] }[]>(dist, 'data/waters.json');
  if (waters?.length) {
    const score = (w: (typeof waters)[number]) => w.current_chiefs.length + 10 * (w.stations?.length ?? 0);
    return [...waters].sort((a, b) => score(b) - score(a))[0]!.id;
  }
  return subdirs(dist, 'waters').find((d) => d !== 'letter');
}

/** One page of each type, in a stable order. */
export function pagesOfEveryType(dist: string): PageOfType[] {
  const out: PageOfType[] = [];
  const add = (type: string, path: string | undefined, heavy?: PageOfType['heavy']) => {
    if (path && has(dist, path)) out.push({ type, path, ...(heavy ? { heavy } : {}) });
  };
  const index = json<{ area?: string }>(dist, 'data/index.json');
  const regions = subdirs(dist, 'regions', /^\d+$/);
  const county = regions.find((c) => c === index?.area) ?? regions.find((c) => /^\d{4}0{8}$/.test(c)) ?? regions[0];
  const township = regions.find((c) => c !== county);
  const water = richestWater(dist);
  const caseIds = (json<{ id: string }[]>(dist, 'data/cases.json') ?? []).map((c) => c.id);

  add('home', '/');
  add('directory', '/waters/');
  // The letter with the most waters (at city scale, hundreds).
  const letters = subdirs(dist, 'waters/letter').map((l) => ({
    l,
    size: statSync(join(dist, 'waters/letter', l, 'index.html')).size,
  }));
  const biggest = letters.sort((a, b) => b.size - a.size || a.l.localeCompare(b.l))[0]?.l;
  add('directory letter', biggest && `/waters/letter/${biggest}/`);
  add('water', water && `/waters/${water}/`);
  // The same page opened from a segment's sign: it starts with that segment's chief.
  const segment = (json<{ id: string; water: string }[]>(dist, 'data/segments.json') ?? []).find(
    (g) => g.water === water,
  );
  add('segment landing', segment && `/waters/${water}/?seg=${segment.id}`);
  add('sign', water && `/waters/${water}/sign/`);
  add('chiefs', '/chiefs/');
  add('chief', subdirs(dist, 'chiefs')[0] && `/chiefs/${subdirs(dist, 'chiefs')[0]}/`);
  add('township', township && `/regions/${township}/`);
  add('county', county && `/regions/${county}/`);
  add('quality', '/quality/', 'chart');
  add(
    'quality month',
    subdirs(dist, 'quality', /^\d{4}-\d{2}$/).at(-1) && `/quality/${subdirs(dist, 'quality', /^\d{4}-\d{2}$/).at(-1)}/`,
    'chart',
  );
  add('station', subdirs(dist, 'stations')[0] && `/stations/${subdirs(dist, 'stations')[0]}/`, 'chart');
  add('ledger', '/cases/');
  add('ledger filter', '/cases/status/overdue/');
  const kase = caseIds.find((id) => has(dist, `/cases/${id}/`));
  add('case', kase && `/cases/${kase}/`);
  add('track', '/track/');
  add('inspections', '/inspections/');
  const period = subdirs(dist, 'inspections').at(-1);
  add('inspection period', period && `/inspections/${period}/`);
  add('patrols', '/patrols/');
  const patrolRegion = subdirs(dist, 'patrols', /^\d+$/).find((c) => c !== county);
  add('patrol region', patrolRegion && `/patrols/${patrolRegion}/`);
  add('targets', '/targets/');
  add('documents', '/documents/');
  const kind = subdirs(dist, 'documents/kind')[0];
  add('document kind', kind && `/documents/kind/${kind}/`);
  add('document timeline', '/documents/timeline/');
  const doc = subdirs(dist, 'documents').find((d) => d !== 'kind' && d !== 'timeline');
  add('document', doc && `/documents/${doc}/`);
  add('search', '/search/?q=清溪', 'search');
  add('report', '/report/', 'report');
  add('report named', '/report/named/', 'report');
  add('report channels', '/report/channels/');
  add('data', '/data/');
  add('data methods', '/data/methods/');
  add('black-odorous', '/black-odorous/');
  add('outlets', '/outlets/');
  add('office', '/office/');
  add('participation', '/participation/');
  add('volunteer checklist', '/participation/checklist/');
  if (existsSync(join(dist, '404.html'))) out.push({ type: '404', path: '/404.html' });
  return out;
}
