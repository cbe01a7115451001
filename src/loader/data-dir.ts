/**
 * Where the data folder is. Its own module, free of the reader and the
 * validator, so that src/content.config.ts can name the folder without
 * loading them (see ./folder-loader.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/**
 * The data folder in effect: RIVER_DATA_DIR, or the bundled sample. (In
 * the bundled page code this module's URL is no longer in the project; the
 * integration pins RIVER_DATA_DIR before the build, and the working
 * directory is the fallback.)
 */
export function dataDir(env: Record<string, string | undefined> = process.env): string {
  const d = env.RIVER_DATA_DIR;
  if (d && d.trim()) return resolve(d.trim());
  const sample = resolve(PROJECT_ROOT, 'src/content');
  return existsSync(sample) ? sample : resolve(process.cwd(), 'src/content');
}
