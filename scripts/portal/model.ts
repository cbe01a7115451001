/**
 * What the portal's pages and open data are made of: the members' rows with
 * links into their pages, the totals, the county sites to search, and the
 * portal's own /data/index.json (which makes it a member for a higher
 * portal).
 */
import { toCsv } from '../../src/lib/csv.ts';
import { contentSecurityPolicy } from '../../src/lib/csp.ts';
import { OPEN_DATA_VERSION } from '../../src/lib/open-data.ts';
import {
  FIGURE_PAGES,
  MEMBER_FIELDS,
  oldestAsOf,
  staleMembers,
  sumFigures,
  type Figures,
  type MemberRow,
} from '../../src/lib/portal.ts';
import type { PortalConfig } from '../../src/schemas/portal.ts';
import type { Leaf, Member } from './members.ts';

export type FigurePage = keyof typeof FIGURE_PAGES;

export interface PortalModel {
  name: string;
  url: string;
  /** The path the portal is published under ('/' at a host's root). */
  base: string;
  as_of: string;
  rows: MemberRow[];
  /** Per row: where each figure is shown on the member's own site (href as the portal links it). */
  links: Record<FigurePage | 'home', string>[];
  total: Figures;
  /** The county sites whose bundles the search merges; urls relative when on the portal's host. */
  leaves: Leaf[];
  /** The same, with full urls (published in index.json for a higher portal). */
  leavesAbsolute: Leaf[];
  csp: string;
}

/** A url as the portal's pages link it: a path when it is on the portal's own host. */
export function linkFrom(portalUrl: string, url: string): string {
  const p = new URL(portalUrl);
  const u = new URL(url, portalUrl);
  return u.origin === p.origin ? `${u.pathname}${u.search}${u.hash}` : u.href;
}

export function portalModel(config: PortalConfig, members: readonly Member[]): PortalModel {
  const rows: MemberRow[] = members.map((m) => ({
    name: m.name,
    url: m.url,
    kind: m.kind,
    as_of: m.as_of,
    stale: false,
    ...m.figures,
  }));
  const stale = staleMembers(rows);
  for (const r of rows) r.stale = stale.has(r);
  const links = members.map(
    (m) =>
      Object.fromEntries([
        ['home', linkFrom(config.url, m.url)],
        ...Object.entries(FIGURE_PAGES).map(([k, v]) => [k, linkFrom(config.url, new URL(v[m.kind], m.url).href)]),
      ]) as Record<FigurePage | 'home', string>,
  );
  const leavesAbsolute = members.flatMap((m) => m.leaves);
  const leaves = leavesAbsolute.map((l) => ({
    ...l,
    url: linkFrom(config.url, l.url),
    bundle: linkFrom(config.url, l.bundle),
    base_url: linkFrom(config.url, l.base_url),
  }));
  const portalOrigin = new URL(config.url).origin;
  const otherOrigins = leavesAbsolute.map((l) => new URL(l.bundle).origin).filter((o) => o !== portalOrigin);
  return {
    name: config.name,
    url: config.url,
    base: new URL(config.url).pathname,
    as_of: oldestAsOf(rows.map((r) => r.as_of)),
    rows,
    links,
    total: sumFigures(rows),
    leaves,
    leavesAbsolute,
    csp: contentSecurityPolicy(null, otherOrigins),
  };
}

/** /data/members.csv: the project's open-data CSV (BOM, CRLF, formula cells guarded). */
export function membersCsv(rows: readonly MemberRow[]): string {
  const header = MEMBER_FIELDS.map((f) => f.name);
  return (
    '\uFEFF' +
    toCsv(
      header,
      rows.map((r) => header.map((h) => (typeof r[h] === 'boolean' ? String(r[h]) : r[h]))),
      { safe: true },
    )
  );
}

/** The portal's /data/index.json: what it is, its members, the sites it searches, its dataset. */
export function portalIndex(m: PortalModel) {
  return {
    kind: 'portal' as const,
    version: OPEN_DATA_VERSION,
    name: m.name,
    url: m.url,
    /** The oldest of the members' as_of: every figure is complete up to it. */
    as_of: m.as_of,
    source: m.name,
    members: m.rows.map((r) => ({ name: r.name, url: r.url, kind: r.kind, as_of: r.as_of })),
    /** The county sites under this portal whose Pagefind bundles its search merges. */
    leaves: m.leavesAbsolute,
    datasets: [
      {
        name: 'members',
        title: '各成员主要数据',
        json: `${m.base}data/members.json`,
        csv: `${m.base}data/members.csv`,
        rows: m.rows.length,
        fields: MEMBER_FIELDS,
      },
    ],
  };
}

/** The portal's _headers (as the county site's public/_headers: the policy, plus framing refused). */
export function headersFile(csp: string): string {
  return [
    '# HTTP headers for static hosts that read a _headers file; docs/deploy.md says what other servers need.',
    '/*',
    `  Content-Security-Policy: ${csp}; frame-ancestors 'none'`,
    '  X-Frame-Options: DENY',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
