/** Where the browser tests find the built site, and a shared session per test file. */
import { join } from 'node:path';
import { existsSync } from 'node:fs';

/** The built sample site (npm test builds it first); SITE_DIST overrides. */
export function siteDist(): string {
  const dir = process.env.SITE_DIST ?? join(import.meta.dirname, '..', '..', 'dist');
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`no built site in ${dir}: run npm run build first`);
  return dir;
}
