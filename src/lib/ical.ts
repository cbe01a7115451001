/**
 * A minimal iCalendar writer (RFC 5545) for the site's calendar of
 * deadlines: all-day events, text escaped, long lines folded at 75 octets
 * without splitting a UTF-8 character, CRLF line ends.
 *
 * Reproducible: no clock. DTSTAMP, which RFC 5545 requires, is the data's
 * as_of date (the moment the data describes), so the same data gives the
 * same bytes.
 *
 * Plain TypeScript: no Astro imports, no I/O.
 */

export interface CalendarEvent {
  /** Globally unique and permanent, e.g. case-wt-2026-012-deadline@hzz.example.org. */
  uid: string;
  /** The day, YYYY-MM-DD (an all-day event). */
  date: string;
  summary: string;
  description?: string;
  /** Absolute URL of the page the event is about. */
  url?: string;
  categories?: string[];
}

export interface Calendar {
  /** PRODID: who made it. */
  prodId: string;
  /** Shown by calendar apps as the calendar's name (X-WR-CALNAME). */
  name: string;
  description?: string;
  /** YYYY-MM-DD: written as DTSTAMP of every event. */
  stamp: string;
  events: CalendarEvent[];
}

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(text: string): string {
  return (
    String(text)
      .replace(/\r\n?/g, '\n')
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\n/g, '\\n')
      // Control characters other than HTAB are not allowed in a TEXT value.
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
  );
}

/** The UTF-8 length of a code point, without encoding it (the calendar is folded character by character). */
const utf8Octets = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** A content line folded so that no line is longer than 75 octets (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Octets(ch.codePointAt(0)!);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const day = (d: string) => d.replace(/-/g, '');

/** The day after a YYYY-MM-DD date (the exclusive end of an all-day event). */
function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

export function icsCalendar(cal: Calendar): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(cal.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
  ];
  if (cal.description) lines.push(`X-WR-CALDESC:${escapeText(cal.description)}`);
  lines.push('X-WR-TIMEZONE:Asia/Shanghai');
  for (const e of cal.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${day(cal.stamp)}T000000Z`,
      `DTSTART;VALUE=DATE:${day(e.date)}`,
      `DTEND;VALUE=DATE:${day(nextDay(e.date))}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
