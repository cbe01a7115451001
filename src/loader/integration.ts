/**
 * The Astro integration that makes broken data fail the build. Astro itself
 * only logs content errors and exits 0 (see ../shared/stack-notes.md), so the
 * data folder is validated before anything is built, with the same report
 * `npm run check:data` prints.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { dataDir } from './index.ts';
import { loadOnce } from './astro.ts';
import { formatReport } from './problems.ts';

/** site.yaml `url`, for Astro's `site` (canonical URLs, QR codes, feeds). */
export function siteUrl(): string | undefined {
  const path = join(dataDir(), 'site.yaml');
  if (!existsSync(path)) return undefined;
  try {
    const url = (parse(readFileSync(path, 'utf8')) as { url?: unknown })?.url;
    return typeof url === 'string' && /^https?:\/\//.test(url) ? url : undefined;
  } catch {
    return undefined; // the validation reports it
  }
}

export default function riverData(): AstroIntegration {
  return {
    name: 'river-data',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const dir = dataDir();
        // Pin the folder for the bundled page code, whose own module URL no
        // longer points into the project.
        process.env.RIVER_DATA_DIR = dir;
        const { problems } = loadOnce(dir);
        if (problems.length === 0) {
          logger.info(`data folder ${dir}: valid`);
          return;
        }
        const report = formatReport(problems, dir);
        if (command === 'build' || command === 'sync') {
          // Print the whole list first: Astro may shorten a thrown message.
          console.error(report);
          throw new Error(`数据检查未通过，共 ${problems.length} 个问题 / the data folder has ${problems.length} problem(s); see the list above.`);
        }
        logger.error(report);
      },
    },
  };
}
