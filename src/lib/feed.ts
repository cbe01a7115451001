/**
 * A minimal Atom 1.0 writer (RFC 4287) for the site's feed of new and changed
 * cases, inspection results and accountability actions.
 *
 * Everything that comes from the data is written as escaped text, never as
 * markup: a case description containing `<b>` or `<script>` arrives in a feed
 * reader as those characters. Characters XML 1.0 forbids (control characters,
 * lone surrogates, U+FFFE/U+FFFF) are dropped.
 *
 * Reproducible: no clock. The feed's `updated` is the latest entry's, and
 * entries are ordered by `updated` (newest first), then by id.
 *
 * Plain TypeScript: no Astro imports, no I/O.
 */
import { compareText } from './collections.ts';

export interface FeedEntry {
  /** A permanent, unique IRI, e.g. tag:hzz.example.org,2026:case/wt-001/closed. */
  id: string;
  title: string;
  /** Absolute URL of the page the entry is about. */
  link: string;
  /** 'YYYY-MM-DD' or an RFC 3339 date-time. */
  updated: string;
  published?: string;
  /** Plain text; shown as text, line breaks kept by readers that honour them. */
  summary?: string;
  /** Atom categories (term, optional label). */
  categories?: { term: string; label?: string }[];
}

export interface Feed {
  /** A permanent IRI of the feed, e.g. the feed URL. */
  id: string;
  title: string;
  subtitle?: string;
  /** Absolute URL of the site (rel=alternate). */
  link: string;
  /** Absolute URL of the feed itself (rel=self). */
  self: string;
  author: { name: string; email?: string; uri?: string };
  /** Used only when there are no entries (then required by Atom); 'YYYY-MM-DD' or date-time. */
  updatedIfEmpty: string;
  /** Time zone offset written after a bare date: '+08:00' (China Standard Time). */
  offset?: string;
  entries: FeedEntry[];
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
// (a well-formed surrogate pair is kept, a lone surrogate dropped).
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content or attribute value made safe for XML: & < > " ' escaped, forbidden characters dropped. */
export function escapeXml(text: string): string {
  return String(text)
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * An RFC 3339 date-time for Atom: a bare 'YYYY-MM-DD' becomes midnight at
 * `offset`; a date-time is returned as is. Throws on anything else so a bad
 * date cannot produce an invalid feed.
 */
export function atomDate(value: string, offset = '+08:00'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00${offset}`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return value;
  throw new RangeError(`not a date (YYYY-MM-DD) or RFC 3339 date-time: ${JSON.stringify(value)}`);
}

/**
 * A tag URI (RFC 4151): tag:<authority>,<date>:<specific>. `authority` is the
 * host of the site URL; `date` a year or a date the host was held; `specific`
 * may contain letters, digits and -._~!$&'()*+,;=:@/? (others are %-encoded).
 */
export function tagUri(siteUrl: string, date: string, specific: string): string {
  const host = new URL(siteUrl).hostname.toLowerCase();
  const safe = specific.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@\/?]/gu, (c) =>
    [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
  return `tag:${host},${date}:${safe}`;
}

/** Newest first by `updated` (compared as written dates), then by id: a stable order. */
export function sortEntries(entries: readonly FeedEntry[], offset = '+08:00'): FeedEntry[] {
  const key = (e: FeedEntry) => Date.parse(atomDate(e.updated, offset));
  return [...entries].sort((a, b) => key(b) - key(a) || compareText(a.id, b.id));
}

/** The Atom document. Entries are sorted (see sortEntries); the caller limits their number. */
export function atomFeed(feed: Feed): string {
  const offset = feed.offset ?? '+08:00';
  const entries = sortEntries(feed.entries, offset);
  const updated = entries.length
    ? entries.reduce(
        (max, e) => {
          const d = atomDate(e.updated, offset);
          return Date.parse(d) > Date.parse(max) ? d : max;
        },
        atomDate(entries[0]!.updated, offset),
      )
    : atomDate(feed.updatedIfEmpty, offset);
  const x = escapeXml;
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${x(feed.id)}</id>`,
    `  <title>${x(feed.title)}</title>`,
  ];
  if (feed.subtitle) out.push(`  <subtitle>${x(feed.subtitle)}</subtitle>`);
  out.push(
    `  <link rel="alternate" type="text/html" href="${x(feed.link)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${x(feed.self)}"/>`,
    `  <updated>${updated}</updated>`,
    '  <author>',
    `    <name>${x(feed.author.name)}</name>`,
  );
  if (feed.author.email) out.push(`    <email>${x(feed.author.email)}</email>`);
  if (feed.author.uri) out.push(`    <uri>${x(feed.author.uri)}</uri>`);
  out.push('  </author>');
  for (const e of entries) {
    out.push(
      '  <entry>',
      `    <id>${x(e.id)}</id>`,
      `    <title type="text">${x(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(e.link)}"/>`,
    );
    if (e.published) out.push(`    <published>${atomDate(e.published, offset)}</published>`);
    out.push(`    <updated>${atomDate(e.updated, offset)}</updated>`);
    for (const c of e.categories ?? [])
      out.push(`    <category term="${x(c.term)}"${c.label ? ` label="${x(c.label)}"` : ''}/>`);
    if (e.summary) out.push(`    <summary type="text">${x(e.summary)}</summary>`);
    out.push('  </entry>');
  }
  out.push('</feed>', '');
  return out.join('\n');
}
