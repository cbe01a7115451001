/**
 * Entries of the Atom feeds: case status changes, cases falling overdue,
 * inspection results, accountability actions, required actions the record
 * window closed on without a record, documents, and water-quality results.
 * /feed.xml carries the area-wide ones (a month's results as one entry);
 * each water's and each township's feed carries what concerns it (every
 * result of its stations). Every feed keeps its newest FEED_LIMIT.
 */
import { CASE_CATEGORY, CASE_STATUS, DOC_KIND, DOC_STATUS, WATER_CLASS_LABEL, type TargetClass } from '../lib/enums.ts';
import { addDays, compare, monthOf, yearOf } from '../lib/dates.ts';
import { formatDateZh } from '../lib/format.ts';
import { atomFeed, tagUri, type FeedEntry } from '../lib/feed.ts';
import type { Db } from './query.ts';
import { accountabilityIndex, rowHref } from './accountability.ts';
import { ledger } from './ledger.ts';
import { inspectionIndex, KIND_TITLE } from './inspections.ts';
import { memo } from './memo.ts';
import { push } from '../lib/collections.ts';
import { siteHref } from '../lib/base.ts';

/** Entries in /feed.xml. */
export const FEED_LIMIT = 200;

/** ASCII slugs of the action kinds, for feed ids that read well. */
const ACTION_SLUG: Record<string, string> = {
  约谈: 'interview',
  通报批评: 'criticism',
  警告: 'warning',
  免职: 'removal',
  other: 'other',
};

/** What an entry concerns: the waters and townships whose feeds carry it, and whether /feed.xml does. */
interface Scope {
  waters: readonly string[];
  townships: readonly string[];
  /** false: only in the water and township feeds (a single result; /feed.xml has the month instead). */
  site?: boolean;
}

/** A dated id with a builder: at city scale there are some 100,000 case events, and only the newest of each feed are written out. */
interface Candidate {
  updated: string;
  id: string;
  scope: Scope;
  make: () => Omit<FeedEntry, 'id' | 'updated'>;
}

/** Every candidate entry of every feed, computed once per build. */
const candidatesOf = memo((db: Db): Candidate[] => {
  const site = db.site.url;
  const abs = (path: string) => siteHref(site, path);
  const { rows } = ledger(db);
  const candidates: Candidate[] = [];
  const add = (updated: string, specific: string, scope: Scope, make: () => Omit<FeedEntry, 'id' | 'updated'>) =>
    candidates.push({ updated, id: tagUri(site, yearOf(updated), specific), scope, make });
  const township = (region: string) => {
    const t = db.townshipOf(region);
    return t ? [t] : [];
  };
  const waterTownships = (water: string) => [...new Set((db.waters.get(water)?.regions ?? []).flatMap(township))];
  const chiefScope = (chief: string, on: string): Scope => {
    const held = (db.assignmentsByChief.get(chief) ?? []).filter((a) => a.start <= on && (!a.end || a.end >= on));
    const c = db.chiefs.get(chief);
    return { waters: [...new Set(held.map((a) => a.water))], townships: c ? township(c.region) : [] };
  };

  for (const c of db.cases.values()) {
    const events = c.events.length
      ? c.events
      : [{ case: c.id, date: c.found, status: 'reported' as const, note: undefined, by: undefined }];
    const seen = new Map<string, number>();
    const scope: Scope = { waters: [c.water], townships: township(c.region) };
    const where = () => {
      const row = rows.get(c.id)!;
      return `${row.waterName}（${row.townshipName}）`;
    };
    for (const e of events) {
      if (e.date > db.asOf) continue;
      const n = (seen.get(e.status) ?? 0) + 1;
      seen.set(e.status, n);
      add(e.date, `case/${c.id}/${e.status}${n > 1 ? `-${n}` : ''}`, scope, () => {
        const detail = [e.note, e.by && `办理单位：${e.by}`].filter(Boolean).join('；');
        return {
          title: `${CASE_STATUS.labels[e.status]}：${c.title}`,
          link: abs(`/cases/${c.id}/`),
          summary: [
            `${formatDateZh(e.date)}${CASE_STATUS.labels[e.status]}。${detail ? `${detail}。` : ''}`,
            `位置：${where()}；类别：${CASE_CATEGORY.labels[c.category]}；责任单位：${c.responsible}；整改时限：${formatDateZh(c.deadline)}。`,
            e.status === 'reported' && c.description ? c.description : '',
          ]
            .filter(Boolean)
            .join('\n'),
          categories: [
            { term: 'case', label: '问题整改' },
            { term: e.status, label: CASE_STATUS.labels[e.status] },
          ],
        };
      });
    }
    // Falling overdue is a change too: the day after the deadline, if not closed by then.
    const overdueFrom = addDays(c.deadline, 1);
    if (overdueFrom <= db.asOf && (!c.state.closed || c.state.closedOn! > c.deadline)) {
      add(overdueFrom, `case/${c.id}/overdue`, scope, () => ({
        title: `逾期：${c.title}`,
        link: abs(`/cases/${c.id}/`),
        summary: `整改时限${formatDateZh(c.deadline)}已过，问题未销号。位置：${where()}；责任单位：${c.responsible}。`,
        categories: [
          { term: 'case', label: '问题整改' },
          { term: 'overdue', label: '逾期' },
        ],
      }));
    }
  }

  for (const p of inspectionIndex(db).periods) {
    for (const k of p.kinds) {
      const dates = k.rows
        .map((r) => r.record.date ?? '')
        .filter(Boolean)
        .sort();
      const date = dates.at(-1);
      if (!date || date > db.asOf) continue;
      const subjects = k.rows.map((r) => r.record);
      const scope: Scope = {
        waters: subjects.filter((r) => r.subject_kind === 'water').map((r) => r.subject),
        townships: subjects.filter((r) => r.subject_kind === 'region').flatMap((r) => township(r.subject)),
      };
      add(date, `inspection/${p.id}/${k.kind}`, scope, () => {
        const top = k.rows
          .slice(0, 10)
          .map(
            (r) =>
              `${r.record.rank != null ? `第${r.record.rank}名 ` : ''}${r.name}${r.record.score != null ? ` ${r.record.score}分` : ''}${r.record.result ? `（${r.record.result}）` : ''}`,
          );
        return {
          title: `${p.label}${KIND_TITLE[k.kind]}考核结果`,
          link: abs(`/inspections/${p.slug}/`),
          summary: `共 ${k.rows.length} 个考核对象。${top.join('；')}${k.rows.length > top.length ? '……' : ''}`,
          categories: [{ term: 'inspection', label: '督查考核' }],
        };
      });
    }
  }

  const seenAction = new Map<string, number>();
  for (const a of [...db.actions].sort(
    (x, y) => compare(x.date, y.date) || compare(x.chief, y.chief) || compare(x.kind, y.kind),
  )) {
    if (a.date > db.asOf) continue;
    const base = `action/${a.date}/${a.chief}/${ACTION_SLUG[a.kind] ?? a.kind}`;
    const n = (seenAction.get(base) ?? 0) + 1;
    seenAction.set(base, n);
    add(a.date, n > 1 ? `${base}-${n}` : base, chiefScope(a.chief, a.date), () => {
      const chief = db.chiefs.get(a.chief);
      return {
        title: `${a.kind === 'other' ? '问责' : a.kind}：${chief ? `${chief.name}（${chief.position}）` : a.chief}`,
        link: abs(`/chiefs/${a.chief}/`),
        summary: `${formatDateZh(a.date)}，${a.reason}`,
        categories: [{ term: 'action', label: '问责' }],
      };
    });
  }

  // A required action that the window closed on without a record: news on
  // the day after the window's last day.
  for (const r of accountabilityIndex(db).rows) {
    if (r.status !== 'missing') continue;
    const on = addDays(r.closes, 1);
    const station = db.stations.get(r.station)!;
    add(
      on,
      `accountability/${r.station}/${r.rule}/${r.from}/${r.length}`,
      { waters: [station.water], townships: township(station.region) },
      () => {
        const unit = r.rule === 'yearly' ? '年' : '个月';
        const names =
          r.responsible.map((c) => db.chiefs.get(c)?.name ?? c).join('、') || '（数据中没有当时的责任河长）';
        return {
          title: `问责未见记录：${station.name}连续${r.length}${unit}未达标应${r.required}`,
          link: abs(rowHref(db, r)),
          summary: `${station.name}${r.rule === 'yearly' ? '年均值' : ''}自${r.from}起连续${r.length}${unit}未达到水质目标，按规定应${r.required}。当时的责任河长：${names}。${formatDateZh(r.opens)}至${formatDateZh(r.closes)}期间问责记录中没有相应记录。`,
          categories: [
            { term: 'accountability', label: '问责对照' },
            { term: 'missing', label: '未见记录' },
          ],
        };
      },
    );
  }

  // Documents: published on their date; a document names the waters it concerns.
  for (const d of db.documents.values()) {
    if (d.date > db.asOf) continue;
    add(
      d.date,
      `document/${d.id}`,
      { waters: d.waters, townships: [...new Set(d.waters.flatMap(waterTownships))] },
      () => ({
        title: `${DOC_KIND.labels[d.kind]}：${d.title}`,
        link: abs(`/documents/${d.id}/`),
        summary: [
          `${formatDateZh(d.date)}，${d.issuer}发布${d.number ? `（${d.number}）` : ''}，${DOC_STATUS.labels[d.status]}。`,
          d.comment_until ? `征求意见截至${formatDateZh(d.comment_until)}。` : '',
        ]
          .filter(Boolean)
          .join(''),
        categories: [
          { term: 'document', label: '政策文件' },
          { term: d.kind, label: DOC_KIND.labels[d.kind] },
        ],
      }),
    );
  }

  // Water quality: each result in its water's and township's feeds; /feed.xml gets the month.
  const months = new Map<string, { date: string; n: number; meets: number }>();
  for (const st of db.stations.values()) {
    const scope: Scope = { waters: [st.water], townships: township(st.region), site: false };
    const seenDate = new Map<string, number>();
    for (const r of st.readings) {
      if (r.date > db.asOf || r.result.class === null) continue;
      const n = (seenDate.get(r.date) ?? 0) + 1;
      seenDate.set(r.date, n);
      const date = r.date.length === 7 ? `${r.date}-01` : r.date;
      const m = months.get(monthOf(date)) ?? { date, n: 0, meets: 0 };
      m.n++;
      if (r.result.meetsTarget) m.meets++;
      if (date > m.date) m.date = date;
      months.set(monthOf(date), m);
      add(date, `reading/${st.id}/${r.date}${n > 1 ? `-${n}` : ''}`, scope, () => ({
        title: `水质：${st.name} ${WATER_CLASS_LABEL[r.result.class!]}（${r.result.meetsTarget ? '达到' : '未达到'}${WATER_CLASS_LABEL[st.target_class as TargetClass]}目标）`,
        link: abs(`/stations/${st.id}/`),
        summary: `${formatDateZh(r.date)}监测，${st.name}水质为${WATER_CLASS_LABEL[r.result.class!]}，水质目标${WATER_CLASS_LABEL[st.target_class as TargetClass]}，${r.result.meetsTarget ? '达标' : '未达标'}。`,
        categories: [{ term: 'quality', label: '水质监测' }],
      }));
    }
  }
  for (const [month, m] of months) {
    add(m.date, `quality/${month}`, { waters: [], townships: [] }, () => ({
      title: `${formatDateZh(month)}水质监测结果：${m.n} 次监测，${m.meets} 次达到目标`,
      link: abs(`/quality/${month}/`),
      summary: `${formatDateZh(month)}各断面共 ${m.n} 次监测有水质类别，其中 ${m.meets} 次达到断面水质目标。各断面的结果见链接页面。`,
      categories: [{ term: 'quality', label: '水质监测' }],
    }));
  }
  return candidates;
});

/** The newest FEED_LIMIT of some candidates, newest first, then by id. */
function newest(candidates: readonly Candidate[]): FeedEntry[] {
  return [...candidates]
    .sort((x, y) => compare(y.updated, x.updated) || compare(x.id, y.id))
    .slice(0, FEED_LIMIT)
    .map((c) => ({ id: c.id, updated: c.updated, ...c.make() }));
}

/** Entries of /feed.xml: everything area-wide; newest FEED_LIMIT. */
export function feedEntries(db: Db): FeedEntry[] {
  return newest(candidatesOf(db).filter((c) => c.scope.site !== false));
}

/** The candidates of each water's and each township's feed, indexed once. */
const scoped = memo((db: Db) => {
  const byWater = new Map<string, Candidate[]>();
  const byTownship = new Map<string, Candidate[]>();
  for (const c of candidatesOf(db)) {
    for (const w of c.scope.waters) push(byWater, w, c);
    for (const t of c.scope.townships) push(byTownship, t, c);
  }
  return { water: byWater, township: byTownship };
});

/** Entries of one water's or one township's feed; newest FEED_LIMIT. */
export function scopedFeedEntries(db: Db, kind: 'water' | 'township', id: string): FeedEntry[] {
  return newest(scoped(db)[kind].get(id) ?? []);
}

/** An Atom document of some entries, published at `path`, about the page at `about`. */
export function feedXml(
  db: Db,
  o: { path: string; about: string; title: string; subtitle: string; entries: FeedEntry[] },
): string {
  const site = db.site;
  return atomFeed({
    id: siteHref(site.url, o.path),
    title: o.title,
    subtitle: `${o.subtitle}数据截至 ${db.asOf}。`,
    link: siteHref(site.url, o.about),
    self: siteHref(site.url, o.path),
    author: { name: site.office.name, email: site.office.email, uri: site.url },
    updatedIfEmpty: db.asOf,
    entries: o.entries,
  });
}

/** The Atom feed of one water (/waters/<id>/feed.xml) or one township (/regions/<code>/feed.xml). */
export function scopedFeed(db: Db, kind: 'water' | 'township', id: string): string {
  const water = kind === 'water';
  const name = (water ? db.waters.get(id)?.name : db.regions.get(id)?.name) ?? id;
  const page = water ? `/waters/${id}/` : `/regions/${id}/`;
  return feedXml(db, {
    path: `${page}feed.xml`,
    about: page,
    title: `${name}：问题整改、水质、文件和问责动态（${db.site.name}）`,
    subtitle: water
      ? `${name}的问题整改进展、各断面水质监测结果、相关文件、督查考核和问责。`
      : `${name}境内的问题整改进展、断面水质监测结果、相关文件、督查考核和问责。`,
    entries: scopedFeedEntries(db, kind, id),
  });
}
