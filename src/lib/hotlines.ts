/**
 * Which phone line takes which problem (the national hotlines' published
 * scopes): 12314 (水利部) takes the "four disorders" of rivers and lakes but
 * not pollution; 12369 (环保) takes pollution, outfalls and black-odorous
 * water; 12345 takes anything; the office's supervision phone takes
 * everything about its own rivers. Pure: reads only site.yaml values.
 */
import type { CaseCategory } from './enums.ts';
import { supervisionHotline, type Hotline } from './contacts.ts';

/** The national lines, what they take, and the name used when site.yaml does not list them. */
export const NATIONAL_LINES: Readonly<
  Record<'12314' | '12369' | '12345', { name: string; takes: readonly CaseCategory[] | 'all'; scope: string }>
> = {
  '12314': {
    name: '12314水利部监督举报',
    takes: ['encroachment', 'sand_mining', 'dumping', 'illegal_building'],
    scope: '河湖乱占、乱采、乱堆、乱建（不受理水污染）',
  },
  '12369': {
    name: '12369环保举报',
    takes: ['pollution', 'sewage_outlet', 'black_odorous', 'livestock'],
    scope: '水污染、排污口、黑臭水体、养殖污染',
  },
  '12345': { name: '12345政务服务便民热线', takes: 'all', scope: '各类问题' },
};

export interface RoutedLine extends Hotline {
  /** Why this line: what it takes, in plain words. */
  reason: string;
  /** The specialised line for this category (12314 or 12369). */
  specialised: boolean;
}

interface SiteContacts {
  hotlines: readonly Hotline[];
  office: { name: string; phone?: string; email?: string };
  report?: { email?: string; endpoint?: string | null };
}

const digits = (n: string) => n.replace(/[^\d]/g, '');

function national(site: SiteContacts, number: keyof typeof NATIONAL_LINES): Hotline {
  const line = NATIONAL_LINES[number];
  const listed = site.hotlines.find((h) => digits(h.number) === number);
  return { name: listed?.name ?? line.name, number, scope: listed?.scope ?? line.scope };
}

/**
 * The lines to call about a problem of `category`, best first: the national
 * line specialised in it (if any), the office's supervision phone, then
 * 12345. Without a category: the supervision phone and 12345. Lines that do
 * not take the category (12314 for pollution, 12369 for encroachment) are
 * left out. Each number appears once.
 */
export function routeHotlines(category: CaseCategory | undefined, site: SiteContacts): RoutedLine[] {
  const out: RoutedLine[] = [];
  const add = (h: Hotline | null, reason: string, specialised = false) => {
    if (h && !out.some((x) => digits(x.number) === digits(h.number))) out.push({ ...h, reason, specialised });
  };
  if (category) {
    for (const number of ['12314', '12369'] as const) {
      const takes = NATIONAL_LINES[number].takes;
      if (takes !== 'all' && takes.includes(category))
        add(national(site, number), `受理${NATIONAL_LINES[number].scope.replace(/（.*）/, '')}`, true);
    }
  }
  add(supervisionHotline(site.hotlines, site.office), '河长制办公室受理本地河湖的各类问题');
  add(national(site, '12345'), '政务服务热线，受理各类问题并转交主管部门');
  return out;
}

/**
 * Every line worth showing on the report page, for any problem: the
 * supervision phone, 12314, 12369, 12345, then any other line of site.yaml,
 * each once, with what it takes.
 */
export function allLines(site: SiteContacts): (Hotline & { takes: string })[] {
  const out: (Hotline & { takes: string })[] = [];
  const add = (h: Hotline | null, takes: string) => {
    if (h && !out.some((x) => digits(x.number) === digits(h.number))) out.push({ ...h, takes });
  };
  const sup = supervisionHotline(site.hotlines, site.office);
  add(sup, sup?.scope ?? '本地河湖的各类问题');
  for (const n of ['12314', '12369', '12345'] as const) add(national(site, n), NATIONAL_LINES[n].scope);
  for (const h of site.hotlines) add(h, h.scope ?? '');
  return out;
}

/** Where report emails go: site.yaml report.email, else the office email; null when neither is set. */
export function reportEmail(site: SiteContacts): string | null {
  return site.report?.email ?? site.office.email ?? null;
}
