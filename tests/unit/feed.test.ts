import { describe, expect, it } from 'vitest';
import { atomDate, atomFeed, escapeXml, sortEntries, tagUri, type Feed } from '../../src/lib/feed.ts';

const base: Feed = {
  id: 'https://hzz.example.org/feed.xml',
  title: '示例县河长制信息公开',
  link: 'https://hzz.example.org/',
  self: 'https://hzz.example.org/feed.xml',
  author: { name: '示例县河长制办公室', email: 'hzb@example.org' },
  updatedIfEmpty: '2026-10-31',
  entries: [],
};

describe('escapeXml', () => {
  it('escapes markup so it stays text', () => {
    expect(escapeXml('<b>注意</b> & <script>alert("x")</script>')).toBe(
      '&lt;b&gt;注意&lt;/b&gt; &amp; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
    );
    expect(escapeXml("it's")).toBe('it&apos;s');
  });
  it('escapes an existing entity again (it is text, not markup)', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });
  it('drops characters XML 1.0 forbids and keeps the rest', () => {
    expect(escapeXml('a\u0000b\u0008c\u001fd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('tab\tnl\ncr\r')).toBe('tab\tnl\ncr\r');
    expect(escapeXml('𠀀 emoji 🌊')).toBe('𠀀 emoji 🌊');
  });
});

describe('atomDate', () => {
  it('puts a bare date at midnight China time', () => {
    expect(atomDate('2026-10-31')).toBe('2026-10-31T00:00:00+08:00');
    expect(atomDate('2026-10-31', 'Z')).toBe('2026-10-31T00:00:00Z');
  });
  it('keeps a date-time', () => {
    expect(atomDate('2026-10-31T08:30:00+08:00')).toBe('2026-10-31T08:30:00+08:00');
  });
  it('refuses anything else', () => {
    expect(() => atomDate('2026-10')).toThrow(RangeError);
    expect(() => atomDate('31/10/2026')).toThrow(RangeError);
  });
});

describe('tagUri', () => {
  it('uses the host of the site URL', () => {
    expect(tagUri('https://HZZ.example.org/sub/', '2026', 'case/wt-001/closed')).toBe(
      'tag:hzz.example.org,2026:case/wt-001/closed',
    );
  });
  it('percent-encodes what a tag may not contain', () => {
    expect(tagUri('https://hzz.example.org/', '2026', 'inspection/2026 Q3/区域')).toBe(
      'tag:hzz.example.org,2026:inspection/2026%20Q3/%E5%8C%BA%E5%9F%9F',
    );
  });
});

describe('atomFeed', () => {
  const entry = (id: string, updated: string, extra: Partial<Feed['entries'][number]> = {}) => ({
    id: `tag:hzz.example.org,2026:${id}`,
    title: id,
    link: `https://hzz.example.org/cases/${id}/`,
    updated,
    ...extra,
  });

  it('writes a well-formed Atom document with escaped text', () => {
    const xml = atomFeed({
      ...base,
      entries: [
        entry('case/a/reported', '2026-03-10', {
          title: '已登记：<b>注意</b>',
          summary: '描述 <script>alert(1)</script> & 更多',
          categories: [{ term: 'case', label: '问题 & 整改' }],
        }),
      ],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(
      true,
    );
    expect(xml).toContain('<title type="text">已登记：&lt;b&gt;注意&lt;/b&gt;</title>');
    expect(xml).toContain('<summary type="text">描述 &lt;script&gt;alert(1)&lt;/script&gt; &amp; 更多</summary>');
    expect(xml).toContain('<category term="case" label="问题 &amp; 整改"/>');
    expect(xml).not.toMatch(/<b>|<script>/);
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://hzz.example.org/feed.xml"/>');
    expect(xml).toContain('<email>hzb@example.org</email>');
  });

  it("takes the feed's updated from the newest entry, not the clock", () => {
    const xml = atomFeed({
      ...base,
      entries: [entry('x', '2025-01-02'), entry('y', '2026-02-03'), entry('z', '2024-12-31')],
    });
    const feedUpdated = xml.split('<entry>')[0]!.match(/<updated>(.*)<\/updated>/)![1];
    expect(feedUpdated).toBe('2026-02-03T00:00:00+08:00');
  });

  it('uses updatedIfEmpty when there are no entries', () => {
    expect(atomFeed(base)).toContain('<updated>2026-10-31T00:00:00+08:00</updated>');
  });

  it('is byte-identical for the same input in any order', () => {
    const entries = [entry('b', '2026-01-01'), entry('a', '2026-01-01'), entry('c', '2026-05-01')];
    const one = atomFeed({ ...base, entries });
    const two = atomFeed({ ...base, entries: [...entries].reverse() });
    expect(one).toBe(two);
    expect(sortEntries(entries).map((e) => e.title)).toEqual(['c', 'a', 'b']);
  });

  it('orders mixed dates and date-times by instant', () => {
    const sorted = sortEntries([entry('d', '2026-01-01'), entry('t', '2026-01-01T09:00:00+08:00')]);
    expect(sorted.map((e) => e.title)).toEqual(['t', 'd']);
  });
});
