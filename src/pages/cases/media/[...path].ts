/**
 * Photos of cases: media/<file> of the data folder, published at
 * /cases/media/<file> (only the files that cases.csv `photos` names; the
 * data check has made sure they exist). Copied byte for byte.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dataDir } from '../../../loader/index.ts';
import { getDb } from '../../../data/query.ts';

export const getStaticPaths = (async () => {
  const db = await getDb();
  const files = new Set<string>();
  for (const c of db.cases.values()) for (const p of c.photos ?? []) files.add(p);
  return [...files].sort().map((path) => ({ params: { path } }));
}) satisfies GetStaticPaths;

/**
 * The media folder. In the bundled build dataDir()'s default (found from its
 * own module URL) points into the build output, so without RIVER_DATA_DIR
 * the project's src/content under the working directory is used.
 */
function mediaFile(path: string): string {
  const candidates = [join(dataDir(), 'media', path), resolve(process.cwd(), 'src/content/media', path)];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`照片文件不存在 / photo not found: media/${path} (looked in ${candidates.join(', ')})`);
  return found;
}

export const GET: APIRoute = ({ params }) => new Response(readFileSync(mediaFile(params.path!)));
