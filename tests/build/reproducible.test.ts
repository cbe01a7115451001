/**
 * Reproducible builds: the same data folder builds to byte-identical output,
 * search index included, even when the second build runs 400 days later by
 * its clock, in another time zone, into another folder. `as_of` in site.yaml
 * decides every date judgement (overdue, on time, target state); the build's
 * clock decides none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { astroBuild, cleanupTemp, listFiles, makeFixture, runNpx, type BuildResult } from '../helpers/fixtures.ts';

/** `npm run build`'s two steps: astro build, then the search index from the entries it saved. */
async function buildAndIndex(dataDir: string, env: Record<string, string>): Promise<BuildResult> {
  const built = await astroBuild(dataDir, { env });
  if (built.code !== 0) return built;
  const indexed = await runNpx(['node', 'scripts/search-index.ts', built.outDir], {
    ...env,
    RIVER_CACHE_DIR: built.cacheDir,
  });
  return { ...built, code: indexed.code, output: `${built.output}\n${indexed.output}` };
}

afterAll(cleanupTemp);

const LATER = {
  NODE_OPTIONS: `--import=${pathToFileURL(join(import.meta.dirname, '..', 'helpers', 'shift-clock.mjs')).href}`,
  CLOCK_SHIFT_DAYS: '400',
  TZ: 'Pacific/Kiritimati', // UTC+14: a date taken from the local clock would differ from UTC's
};

describe('the same data folder builds to byte-identical output', () => {
  const data = makeFixture();
  let now: BuildResult;
  let later: BuildResult;

  beforeAll(async () => {
    now = await buildAndIndex(data, { TZ: 'UTC' });
    later = await buildAndIndex(data, LATER);
  });

  it('the clock of the second build really is 400 days ahead, in UTC+14', async () => {
    const r = await runNpx(['node', '-e', 'console.log(Date.now(), new Date().getTimezoneOffset())'], LATER);
    const [ms, offset] = r.stdout.trim().split(' ').map(Number);
    expect(Math.round((ms! - Date.now()) / 86_400_000)).toBe(400);
    expect(offset).toBe(-14 * 60);
  });

  it('both builds succeed', () => {
    expect(now.code, now.output.slice(-3000)).toBe(0);
    expect(later.code, later.output.slice(-3000)).toBe(0);
  });

  it('they have the same files, search index and hashed assets included', () => {
    const a = listFiles(now.outDir);
    expect(a).toContain('pagefind/pagefind.js');
    expect(a).toContain('feed.xml');
    expect(a.some((f) => f.startsWith('_astro/'))).toBe(true);
    expect(listFiles(later.outDir)).toEqual(a);
  });

  it('every file is byte-identical', () => {
    const differing = listFiles(now.outDir).filter(
      (f) => !readFileSync(join(now.outDir, f)).equals(readFileSync(join(later.outDir, f))),
    );
    expect(differing).toEqual([]);
  });
});
