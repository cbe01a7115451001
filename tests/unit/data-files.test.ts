/**
 * The build's data files (src/lib/data-file-sink.ts, src/loader/data-files.ts):
 * what the routes hand over is written under the output folder, each file's
 * text made once; a path outside the site or given twice stops the build,
 * and with no build running the sink is gone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectDataFiles } from '../../src/loader/data-files.ts';
import { currentDataFileSink, setDataFileSink } from '../../src/lib/data-file-sink.ts';

const dirs: string[] = [];
afterEach(() => {
  setDataFileSink(undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const outDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'river-data-files-'));
  dirs.push(d);
  return d;
};

describe('data files of a build', () => {
  it('are written under the output folder when the build is done, each text made once', async () => {
    const files = collectDataFiles();
    vi.resetModules();
    // The bundled page code loads its own copy of the module, as here.
    const copy = await import('../../src/lib/data-file-sink.ts');
    const feed = vi.fn(() => '<feed/>');
    copy.currentDataFileSink()!.add('/waters/qingxi-he/feed.xml', feed);
    copy.currentDataFileSink()!.add('/waters/qingxi-he/cases-2026.csv', () => '\ufeffid\nqx-1\n');
    copy.currentDataFileSink()!.add('/track/a.json', () => '{"cases":[]}');
    expect(feed).not.toHaveBeenCalled();
    const dir = outDir();
    expect(files.write(dir)).toBe(3);
    expect(feed).toHaveBeenCalledTimes(1);
    expect(readFileSync(join(dir, 'waters/qingxi-he/feed.xml'), 'utf8')).toBe('<feed/>');
    expect(readFileSync(join(dir, 'waters/qingxi-he/cases-2026.csv'), 'utf8')).toBe('\ufeffid\nqx-1\n');
    expect(readdirSync(join(dir, 'track'))).toEqual(['a.json']);
    expect(currentDataFileSink()).toBeUndefined();
  });

  it('refuse a path given twice, and paths that are not files inside the site', () => {
    collectDataFiles();
    const sink = currentDataFileSink()!;
    sink.add('/stations/s1.csv', () => '');
    expect(() => sink.add('/stations/s1.csv', () => '')).toThrow(/same data file: \/stations\/s1\.csv/);
    for (const bad of ['stations/s2.csv', '/../outside.csv', '/waters/x/'])
      expect(() => sink.add(bad, () => ''), bad).toThrow(/inside the site/);
  });

  it('have no sink outside a build', () => {
    expect(currentDataFileSink()).toBeUndefined();
  });
});
