/**
 * Former chiefs keep their history but not their phone: against the built
 * bundled sample and the data folder it was built from (RIVER_DATA_DIR,
 * default src/content), with no browser. A former chief is someone with no
 * assignment current on site.yaml `as_of` (begun, and not ended on or before
 * it, as the data contract defines `end`).
 *
 * - No page, open-data file or search-index file of dist/ holds a number
 *   that only former chiefs have (gzipped search fragments are unpacked).
 * - A former chief's own page shows their past posts and no phone; their
 *   row of /data/chiefs.json and .csv has an empty phone, and the dataset's
 *   description of the field says why.
 * - Serving chiefs keep their numbers everywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../src/loader/read.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { siteDist } from '../helpers/site.ts';

const dist = siteDist();
const data = readFolder(process.env.RIVER_DATA_DIR || resolve(import.meta.dirname, '../../src/content'), []);
const asOf = data.site!.as_of;
const chiefs = data.chiefs.map((r) => r.data);
const assignments = data.assignments.map((r) => r.data);
const serving = new Set(assignments.filter((a) => a.start <= asOf && (!a.end || a.end > asOf)).map((a) => a.chief));
const former = chiefs.filter((c) => !serving.has(c.id) && assignments.some((a) => a.chief === c.id));
const servingPhones = new Set(chiefs.filter((c) => serving.has(c.id)).map((c) => c.phone));
/** Numbers no serving chief has (a town's office line may pass to the successor). */
const privateOnly = former.filter((c) => c.phone && !servingPhones.has(c.phone));

/** Every file of dist as text; gzipped files (Pagefind's fragments and index) unpacked. */
function distTexts(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const bytes = readFileSync(p);
        const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
        out.push({ path: relative(dist, p), text: raw.toString('utf8') });
      }
    }
  };
  walk(dist);
  return out;
}
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const chiefsJson = JSON.parse(readFileSync(join(dist, 'data/chiefs.json'), 'utf8')) as {
  id: string;
  phone: string | null;
}[];
const chiefsCsv = (() => {
  const [head, ...rows] = parseCsv(
    readFileSync(join(dist, 'data/chiefs.csv'), 'utf8').replace(/^\uFEFF/, ''),
  ).records.map((r) => r.cells);
  return rows.map((cells) => Object.fromEntries(head!.map((h, i) => [h, cells[i] ?? ''])));
})();

describe('former chiefs in the sample', () => {
  it('include 王建军 and 郑志强, whose every post has ended, and 王建军 shares his number with no serving chief', () => {
    expect(former.map((c) => c.id)).toEqual(expect.arrayContaining(['wang-jianjun', 'zheng-zhiqiang']));
    expect(privateOnly.map((c) => c.id)).toContain('wang-jianjun');
  });
});

describe('a former chief’s phone is published nowhere', () => {
  const files = distTexts();
  it('scans the whole build: pages, open data and the search index', () => {
    expect(files.filter((f) => f.path.endsWith('.html')).length).toBeGreaterThan(100);
    expect(files.some((f) => f.path.startsWith('pagefind/') && f.text.includes('pagefind_dcd'))).toBe(true);
  });

  for (const c of privateOnly) {
    const phone = c.phone!;
    it(`${c.name} (${c.id}): no file of dist holds ${phone}`, () => {
      const digits = phone.replace(/\D/g, '');
      const hits = files
        .filter((f) => f.text.includes(phone) || f.text.replace(/\D/g, ' ').split(/\s+/).includes(digits))
        .map((f) => f.path);
      expect(hits).toEqual([]);
    });
  }

  for (const c of former) {
    it(`${c.name} (${c.id}): their page keeps the history and has no phone`, () => {
      const html = page(`chiefs/${c.id}`);
      expect(html).toContain(c.name);
      expect(html).toContain('曾任职务');
      expect(html).not.toContain(c.phone);
      expect(html).toContain('不公开电话');
    });

    it(`${c.name} (${c.id}): /data/chiefs.json and .csv keep the person with an empty phone`, () => {
      expect(chiefsJson.find((r) => r.id === c.id)).toMatchObject({ id: c.id, phone: null });
      expect(chiefsCsv.find((r) => r.id === c.id)).toMatchObject({ id: c.id, phone: '' });
    });
  }

  it('the open-data index says former chiefs’ phones are withheld', () => {
    const index = JSON.parse(readFileSync(join(dist, 'data/index.json'), 'utf8')) as {
      datasets: { name: string; fields: { name: string; description: string }[] }[];
    };
    const field = index.datasets.find((d) => d.name === 'chiefs')!.fields.find((f) => f.name === 'phone')!;
    expect(field.description).toMatch(/卸任.*不再公开/);
  });
});

describe('a serving chief’s phone is still published', () => {
  it('陈立新 (河长 of 清溪河): on his page, the directory, the water page, its sign and the open data', () => {
    const chen = chiefs.find((c) => c.id === 'chen-lixin')! as (typeof chiefs)[number] & { phone: string };
    expect(serving.has(chen.id)).toBe(true);
    for (const path of ['chiefs/chen-lixin', 'chiefs', 'waters/qingxi-he', 'waters/qingxi-he/sign'])
      expect(page(path), path).toContain(chen.phone);
    expect(page('chiefs/chen-lixin')).toContain(`href="tel:${chen.phone.replace(/\D/g, '')}"`);
    expect(chiefsJson.find((r) => r.id === chen.id)!.phone).toBe(chen.phone);
    expect(chiefsCsv.find((r) => r.id === chen.id)!.phone).toBe(chen.phone);
  });

  it('every serving chief has their number in /data/chiefs.json', () => {
    for (const c of chiefs.filter((x) => serving.has(x.id)))
      expect(chiefsJson.find((r) => r.id === c.id)?.phone, c.id).toBe(c.phone ?? null);
  });
});
