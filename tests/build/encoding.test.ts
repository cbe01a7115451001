/**
 * What Chinese Excel writes builds the same site: a twin of the valid fixture
 * whose CSV files are GB18030 with Chinese header names builds to output
 * byte-identical to the UTF-8 original. And a cache left by an earlier build
 * cannot hide broken or changed data: rebuilding with the same cache after
 * breaking a file fails, and after changing one publishes the change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataFolder } from '../../src/loader/index.ts';
import {
  astroBuild,
  checkData,
  cleanupTemp,
  listFiles,
  makeFixture,
  overlay,
  sourceStamp,
  toChineseGb18030,
  type BuildResult,
} from '../helpers/fixtures.ts';

afterAll(cleanupTemp);

/** `_astro/Base.wWkayfck.css` → `_astro/Base.[hash].css`: names of hashed assets without their hash. */
const unhash = (s: string) =>
  s.replace(/(_astro\/[\w.-]+?)\.[\w-]{8}\.(css|js|mjs|svg|png|jpg|webp|woff2?)\b/g, '$1.[hash].$2');
const TEXT = /\.(html|json|csv|css|js|mjs|svg|xml|txt)$/;

/** Paths of the built files, with and without the hashed assets under _astro/. */
const pagesOf = (dir: string) => listFiles(dir).filter((f) => !f.startsWith('_astro/'));
const assetsOf = (dir: string) =>
  listFiles(dir)
    .filter((f) => f.startsWith('_astro/'))
    .map(
      (f) =>
        `${unhash(f)} ${createHash('sha256')
          .update(unhash(readFileSync(join(dir, f), 'utf8')))
          .digest('hex')}`,
    )
    .sort();

/** Every difference between two built sites; empty when they are byte-identical. */
function differences(a: string, b: string): string[] {
  const out: string[] = [];
  const la = listFiles(a);
  const lb = listFiles(b);
  const onlyA = la.filter((f) => !lb.includes(f));
  const onlyB = lb.filter((f) => !la.includes(f));
  if (onlyA.length || onlyB.length)
    out.push(`file lists differ: UTF-8 only [${onlyA.join(', ')}], GB18030 only [${onlyB.join(', ')}]`);
  for (const f of la.filter((x) => lb.includes(x))) {
    if (!readFileSync(join(a, f)).equals(readFileSync(join(b, f)))) out.push(`content differs: ${f}`);
  }
  return out;
}

describe('GB18030 with Chinese headers builds the same site as UTF-8', () => {
  const utf8Dir = makeFixture();
  const gbDir = makeFixture();
  const converted = toChineseGb18030(gbDir);
  let utf8: BuildResult;
  let gb: BuildResult;
  let diff: string[] = [];
  let sourcesChanged = false;

  beforeAll(async () => {
    // One after the other, each with its own outDir and cache. Other work in
    // this tree may edit the sources between the two builds and make them
    // differ for reasons unrelated to the data: then (only then) build both again.
    for (let attempt = 1; attempt <= 4; attempt++) {
      const before = sourceStamp();
      utf8 = await astroBuild(utf8Dir);
      gb = await astroBuild(gbDir);
      sourcesChanged = sourceStamp() !== before;
      diff = utf8.code === 0 && gb.code === 0 ? differences(utf8.outDir, gb.outDir) : ['a build failed'];
      console.log(
        `encoding test, attempt ${attempt}: UTF-8 build ${utf8.ms} ms, GB18030 build ${gb.ms} ms, ${diff.length} difference(s)${sourcesChanged ? ', sources changed meanwhile' : ''}`,
      );
      if (diff.length === 0 || !sourcesChanged) break;
    }
  });

  it('the twin really is GB18030 with Chinese headers', () => {
    expect(converted).toContain('waters.csv');
    expect(converted).toContain('readings/2026.csv');
    const raw = readFileSync(join(gbDir, 'waters.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(raw)).toThrow();
    const { folder, problems } = loadDataFolder(gbDir);
    expect(problems).toEqual([]);
    expect(folder.encodings['waters.csv']).toBe('gb18030');
    expect(new TextDecoder('gb18030').decode(raw).split(/\r?\n/)[0]).toMatch(/^编码,名称,类型,/);
  });

  it('check-data passes on the twin', async () => {
    const r = await checkData(gbDir);
    expect(r.code, r.output).toBe(0);
  });

  it('both build (exit 0)', () => {
    expect(utf8.code, utf8.output.slice(-3000)).toBe(0);
    expect(gb.code, gb.output.slice(-3000)).toBe(0);
  });

  it('every page and data file is byte-identical (hashed asset names aside)', () => {
    const note = sourcesChanged ? ' (the project sources were being edited during the builds)' : '';
    const a = pagesOf(utf8.outDir);
    const b = pagesOf(gb.outDir);
    expect(a).toContain('data/cases.json');
    expect(a).toContain('data/index.json');
    expect(a.filter((f) => /^waters\/[^/]+\/index\.html$/.test(f))).toHaveLength(5);
    expect(b, note).toEqual(a);
    const differing = a.filter((f) => {
      const x = readFileSync(join(utf8.outDir, f));
      const y = readFileSync(join(gb.outDir, f));
      return !x.equals(y) && (!TEXT.test(f) || unhash(x.toString('utf8')) !== unhash(y.toString('utf8')));
    });
    expect(differing, note).toEqual([]);
  });

  it('the bundled assets have the same content', () => {
    expect(assetsOf(gb.outDir)).toEqual(assetsOf(utf8.outDir));
  });

  it('the hashed asset names are the same too: every file is byte-identical', () => {
    if (diff.length) console.warn(`encoding test: the two builds differ:\n  ${diff.join('\n  ')}`);
    expect(diff).toEqual([]);
  });
});

describe('a stale cache cannot hide broken data', () => {
  it('rebuilding with the same cache after breaking a file fails and names the file and line', async () => {
    const dir = makeFixture();
    const first = await astroBuild(dir);
    expect(first.code, first.output.slice(-3000)).toBe(0);
    overlay(dir, 'unknown-station-ref');
    const second = await astroBuild(dir, { cacheDir: first.cacheDir });
    console.log(`stale cache test: first build ${first.ms} ms, rebuild with broken data ${second.ms} ms`);
    expect(second.code, second.output.slice(-3000)).not.toBe(0);
    expect(second.output).toContain('readings/2026.csv:6');
    expect(second.output).toContain('jingbo-hu-xin');
  });

  it('rebuilding with the same cache after changing valid data publishes the change', async () => {
    const dir = makeFixture();
    const first = await astroBuild(dir);
    expect(first.code, first.output.slice(-3000)).toBe(0);
    expect(readFileSync(join(first.outDir, 'waters/heyuan-he/index.html'), 'utf8')).toContain('钱淑华');
    const chiefs = join(dir, 'chiefs.csv');
    writeFileSync(chiefs, readFileSync(chiefs, 'utf8').replace('钱淑华', '钱淑芬'));
    const second = await astroBuild(dir, { cacheDir: first.cacheDir });
    console.log(`stale cache test: rebuild with changed data ${second.ms} ms`);
    expect(second.code, second.output.slice(-3000)).toBe(0);
    const html = readFileSync(join(second.outDir, 'waters/heyuan-he/index.html'), 'utf8');
    expect(html).toContain('钱淑芬');
    expect(html).not.toContain('钱淑华');
    const json = readFileSync(join(second.outDir, 'data/chiefs.json'), 'utf8');
    expect(json).toContain('钱淑芬');
    expect(json).not.toContain('钱淑华');
  });
});
