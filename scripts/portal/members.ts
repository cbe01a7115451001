/**
 * Reading a portal's members from their built sites (each member's dist/):
 * /data/index.json, the open data the figures are computed from, and the
 * Pagefind bundle. Never a data folder. Every problem names the member.
 *
 * A member is a county's site (index.json `kind: site`) or a lower portal
 * (`kind: portal`): then its figures are the sums of its members.json rows
 * and its search is the bundles of its leaves (the county sites under it),
 * which its index.json lists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { OPEN_DATA_VERSION } from '../../src/lib/open-data.ts';
import { PORTAL_INPUTS, siteFigures, sumFigures, type Figures, type MemberOpenData } from '../../src/lib/portal.ts';

/** A county site whose Pagefind bundle the portal's search merges. */
export interface Leaf {
  /** The county's name. */
  name: string;
  /** The lower portal it belongs to (a city, for a province), or null. */
  group: string | null;
  /** Where the county site is published. */
  url: string;
  /** Its Pagefind bundle folder (url + pagefind/). */
  bundle: string;
  /** Pagefind's baseUrl for its results (see searchBaseUrl). */
  base_url: string;
  /** The Pagefind version that wrote the bundle: one portal's bundles must agree. */
  pagefind: string;
}

export interface Member {
  name: string;
  url: string;
  kind: 'site' | 'portal';
  as_of: string;
  figures: Figures;
  leaves: Leaf[];
}

export interface MemberConfig {
  name: string;
  url: string;
  /** Absolute path of its dist copy. */
  dist: string;
}

/** A member that cannot be read, with what is wrong (Chinese, then English). */
export class MemberError extends Error {
  readonly member: string;
  readonly zh: string;
  readonly en: string;
  constructor(member: string, zh: string, en: string) {
    super(`成员“${member}”：${zh}\n    member "${member}": ${en}`);
    this.member = member;
    this.zh = zh;
    this.en = en;
  }
}

function readJson(m: MemberConfig, rel: string): unknown {
  const path = join(m.dist, rel);
  if (!existsSync(path))
    throw new MemberError(m.name, `dist 中缺少 ${rel}（${path}）`, `${rel} is missing from its dist (${path})`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new MemberError(m.name, `无法读取 ${rel}：${String(e)}`, `cannot read ${rel}: ${String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new MemberError(
      m.name,
      `${rel} 不是有效的 JSON：${(e as Error).message}`,
      `${rel} is not valid JSON: ${(e as Error).message}`,
    );
  }
}

function readArray<T>(m: MemberConfig, rel: string): T[] {
  const v = readJson(m, rel);
  if (!Array.isArray(v))
    throw new MemberError(m.name, `${rel} 应为数组`, `expected ${rel} to hold an array of objects`);
  return v as T[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Pagefind's baseUrl for a member's results. A site indexed with its pages'
 * paths relative to its own root (/waters/x/) needs the member's url in
 * front; one indexed with the full path (/a/waters/x/) needs only its
 * origin. The bundle says which: the url of one indexed page.
 */
function searchBaseUrl(m: MemberConfig): string {
  const dir = join(m.dist, 'pagefind', 'fragment');
  const first = existsSync(dir) ? readdirSync(dir).sort()[0] : undefined;
  if (!first)
    throw new MemberError(m.name, '搜索索引（pagefind/fragment）为空', 'its search index (pagefind/fragment) is empty');
  let url: unknown;
  try {
    const text = gunzipSync(readFileSync(join(dir, first))).toString('utf8');
    url = (JSON.parse(text.slice(text.indexOf('{'))) as { url?: unknown }).url;
  } catch (e) {
    throw new MemberError(m.name, `无法读取搜索索引：${String(e)}`, `cannot read its search index: ${String(e)}`);
  }
  const u = new URL(m.url);
  return typeof url === 'string' && u.pathname !== '/' && url.startsWith(u.pathname) ? `${u.origin}/` : m.url;
}

function pagefindVersion(m: MemberConfig): string {
  if (!existsSync(join(m.dist, 'pagefind', 'pagefind.js')))
    throw new MemberError(
      m.name,
      'dist 中缺少搜索程序 pagefind/pagefind.js',
      'pagefind/pagefind.js is missing from its dist',
    );
  const entry = readJson(m, 'pagefind/pagefind-entry.json');
  const v = isRecord(entry) ? entry.version : undefined;
  if (typeof v !== 'string')
    throw new MemberError(m.name, 'pagefind-entry.json 中没有版本号', 'pagefind-entry.json names no version');
  return v;
}

/** Read one member; throws MemberError naming it. */
export function readMember(m: MemberConfig): Member {
  if (!existsSync(m.dist) || !statSync(m.dist).isDirectory())
    throw new MemberError(
      m.name,
      `dist 文件夹不存在或不是文件夹：${m.dist}`,
      `its dist folder does not exist or is not a folder: ${m.dist}`,
    );
  const index = readJson(m, 'data/index.json');
  if (!isRecord(index))
    throw new MemberError(m.name, 'data/index.json 应为对象', 'expected data/index.json to hold an object');
  if (index.version !== OPEN_DATA_VERSION)
    throw new MemberError(
      m.name,
      `开放数据版本为 ${index.version === undefined ? '（未标明）' : JSON.stringify(index.version)}，本门户读取第 ${OPEN_DATA_VERSION} 版：请用当前版本重新构建该网站`,
      `its open data is version ${index.version === undefined ? '(none stated)' : JSON.stringify(index.version)}; this portal reads version ${OPEN_DATA_VERSION}: expected the site rebuilt with the current version`,
    );
  const ownUrl = typeof index.url === 'string' ? (index.url.endsWith('/') ? index.url : `${index.url}/`) : null;
  if (ownUrl !== m.url)
    throw new MemberError(
      m.name,
      `网站构建时的网址为 ${ownUrl}，portal.yaml 中为 ${m.url}：网站的链接和搜索结果只在构建时的网址下有效，请核对 url 或按该网址重新构建`,
      `it was built for ${ownUrl} but portal.yaml publishes it at ${m.url}: its links and search results only work at the url it was built for`,
    );
  if (typeof index.as_of !== 'string')
    throw new MemberError(m.name, 'data/index.json 中没有数据截止日期 as_of', 'data/index.json has no as_of');
  const asOf = index.as_of;

  if (index.kind === 'portal') {
    const rows = readArray<Figures>(m, 'data/members.json');
    const leaves = Array.isArray(index.leaves) ? (index.leaves as Leaf[]) : null;
    if (!leaves || leaves.length === 0)
      throw new MemberError(m.name, 'data/index.json 中没有 leaves（县级网站列表）', 'data/index.json lists no leaves');
    return {
      name: m.name,
      url: m.url,
      kind: 'portal',
      as_of: asOf,
      figures: sumFigures(rows),
      leaves: leaves.map((l) => ({ ...l, group: l.group ? `${m.name} · ${l.group}` : m.name })),
    };
  }
  if (index.kind !== 'site')
    throw new MemberError(
      m.name,
      `data/index.json 的 kind 为 ${JSON.stringify(index.kind)}，应为 site 或 portal`,
      `data/index.json kind is ${JSON.stringify(index.kind)}: expected site or portal`,
    );
  const rules = isRecord(index.rules) ? index.rules : {};
  if (!isRecord(rules.patrol_per_month))
    throw new MemberError(
      m.name,
      'data/index.json 中没有 rules.patrol_per_month',
      'data/index.json has no rules.patrol_per_month',
    );
  const data = Object.fromEntries(PORTAL_INPUTS.map((n) => [n, readArray(m, `data/${n}.json`)]));
  const figures = siteFigures({
    ...(data as unknown as Omit<MemberOpenData, 'asOf' | 'patrolPerMonth'>),
    asOf,
    patrolPerMonth: rules.patrol_per_month as MemberOpenData['patrolPerMonth'],
  });
  const version = pagefindVersion(m);
  return {
    name: m.name,
    url: m.url,
    kind: 'site',
    as_of: asOf,
    figures,
    leaves: [
      {
        name: m.name,
        group: null,
        url: m.url,
        bundle: `${m.url}pagefind/`,
        base_url: searchBaseUrl(m),
        pagefind: version,
      },
    ],
  };
}

/**
 * Read every member; the problems of all of them at once (each naming its
 * member), or the members. Leaves must be distinct and share one Pagefind
 * version (the first bundle's WebAssembly searches the merged ones).
 */
export function readMembers(configs: readonly MemberConfig[]): { members: Member[]; errors: MemberError[] } {
  const members: Member[] = [];
  const errors: MemberError[] = [];
  for (const c of configs) {
    try {
      members.push(readMember(c));
    } catch (e) {
      if (e instanceof MemberError) errors.push(e);
      else errors.push(new MemberError(c.name, `无法读取：${String(e)}`, `cannot be read: ${String(e)}`));
    }
  }
  const seen = new Map<string, string>();
  for (const m of members)
    for (const l of m.leaves) {
      const other = seen.get(l.url);
      if (other !== undefined && other !== m.name)
        errors.push(
          new MemberError(
            m.name,
            `其下的“${l.name}”（${l.url}）也在成员“${other}”之下：同一网站不能在门户中出现两次`,
            `"${l.name}" (${l.url}) under it is also under member "${other}": expected each site once`,
          ),
        );
      else seen.set(l.url, m.name);
    }
  const first = members.flatMap((m) => m.leaves)[0];
  if (first)
    for (const m of members) {
      const odd = m.leaves.find((l) => l.pagefind !== first.pagefind);
      if (odd)
        errors.push(
          new MemberError(
            m.name,
            `“${odd.name}”的搜索索引由 Pagefind ${odd.pagefind} 生成，“${first.name}”的由 ${first.pagefind} 生成：门户合并搜索要求版本一致，请用同一版本重新构建`,
            `the search bundle of "${odd.name}" was written by Pagefind ${odd.pagefind}, that of "${first.name}" by ${first.pagefind}: expected one version`,
          ),
        );
    }
  return { members, errors };
}
