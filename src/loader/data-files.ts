/**
 * The build's writer of data files (see src/lib/data-file-sink.ts): while
 * the pages render, the data-file routes hand over each file's path and how
 * to make its text; when the build is done, every file is made and written
 * into the output folder, one folder creation per folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setDataFileSink } from '../lib/data-file-sink.ts';

/** Install the sink the data-file routes feed; `write` makes and writes what it collected. */
export function collectDataFiles(): { write(outDir: string): number } {
  const files = new Map<string, () => string>();
  setDataFileSink({
    add(path, body) {
      if (!path.startsWith('/') || path.includes('..') || path.endsWith('/'))
        throw new Error(`data file path must be an absolute file path inside the site: ${path}`);
      if (files.has(path)) throw new Error(`two routes publish the same data file: ${path}`);
      files.set(path, body);
    },
  });
  return {
    write(outDir) {
      setDataFileSink(undefined);
      const made = new Set<string>();
      for (const [path, body] of files) {
        const file = join(outDir, path);
        const dir = dirname(file);
        if (!made.has(dir)) {
          mkdirSync(dir, { recursive: true });
          made.add(dir);
        }
        writeFileSync(file, body());
      }
      return files.size;
    },
  };
}
