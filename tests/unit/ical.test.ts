import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { escapeText, foldLine, icsCalendar } from '../../src/lib/ical.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('iCalendar writer', () => {
  it('escapes backslash, semicolon, comma and newlines in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a Chinese character', () => {
    const line = `SUMMARY:${'整改时限：清溪河白沙镇段'.repeat(8)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const l of folded) expect(octets(l)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
  });

  it('fills each folded line to the limit with characters of one to four octets', () => {
    // ASCII, a Latin letter with accent (2), a Chinese character (3) and a
    // character outside the Basic Multilingual Plane (4, a surrogate pair).
    const line = `DESCRIPTION:${'aé中𠀀'.repeat(30)}`;
    const folded = foldLine(line).split('\r\n');
    for (const l of folded) expect(octets(l)).toBeLessThanOrEqual(75);
    // Folded only where the next character would not fit (a continuation line counts its leading space).
    const next = (i: number) => [...folded[i + 1]!.slice(1)][0]!;
    for (let i = 0; i < folded.length - 1; i++) expect(octets(folded[i]!) + octets(next(i))).toBeGreaterThan(75);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
  });

  it('writes a calendar that ical.js reads back with the same events', () => {
    const ics = icsCalendar({
      prodId: '-//示例县河长制办公室//示例县河长制信息公开//ZH',
      name: '时限',
      stamp: '2026-10-31',
      events: [
        {
          uid: 'case-wt-1-deadline@hzz.example.org',
          date: '2026-12-31',
          summary: '整改时限：东门沟，南门社区段；雨污混接',
          description: '第一行\n第二行',
          url: 'https://hzz.example.org/cases/wt-1/',
          categories: ['问题整改'],
        },
        {
          uid: 'doc-1-comments@hzz.example.org',
          date: '2026-11-15',
          summary: `征求意见截止：${'很长的标题'.repeat(20)}`,
        },
      ],
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => octets(l) <= 75)).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(['case-wt-1-deadline@hzz.example.org', 'doc-1-comments@hzz.example.org']);
    expect(events[0]!.summary).toBe('整改时限：东门沟，南门社区段；雨污混接');
    expect(events[0]!.description).toBe('第一行\n第二行');
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[0]!.startDate.toString()).toBe('2026-12-31');
    expect(events[0]!.endDate.toString()).toBe('2027-01-01');
    expect(events[1]!.summary).toBe(`征求意见截止：${'很长的标题'.repeat(20)}`);
  });
});
