// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { Features } from 'lightningcss';
import riverData from './src/loader/integration.ts';
import { siteUrl } from './src/loader/integration.ts';
import { routeTiming } from './src/loader/route-timing.ts';
import { basePathOf } from './src/lib/base.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownBase } from './src/lib/markdown-base.ts';

// https://docs.astro.build/en/reference/configuration-reference/
const site = siteUrl();
const base = basePathOf(site);

export default defineConfig({
  site,
  // The path of site.yaml `url` (https://x.gov.cn/hzz/ → /hzz/): the whole
  // site lives under it (src/lib/base.ts, docs/deploy.md).
  base,
  // The content store must live where vitest reads it (see stack-notes).
  cacheDir: process.env.RIVER_CACHE_DIR || './.astro',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    inlineStylesheets: 'never',
    // Render four pages at a time. Pages do no network I/O, but each is
    // written to disk, and with one page at a time the render waits for
    // every write: at city scale (68,000 pages) four at a time took a third
    // less time (docs/performance.md). Output does not depend on the order.
    concurrency: 4,
  },
  // Root-relative links and images in the policy documents go under the base path too.
  // (Sätteri is Astro's default processor; MDX uses the same one.)
  markdown: { processor: satteri({ hastPlugins: [markdownBase(base)] }) },
  devToolbar: { enabled: false },
  vite: {
    // Never inline scripts into the HTML: the Content-Security-Policy
    // (script-src 'self') would block them. Every script is a file.
    build: {
      assetsInlineLimit: 0,
      // Write CSS that older engines still read: many phones in China browse
      // with WebView or X5 kernels years behind current Chrome, which ignore
      // media queries in range form ((width>=40em)) and other newer syntax.
      // With this target the minifier writes (min-width:40em) instead.
      cssTarget: ['chrome87', 'edge88', 'firefox78', 'safari14'],
    },
    // Lightning CSS reads the stylesheets (Astro supports it as Vite's CSS
    // transformer) only to replace the named breakpoints of
    // src/styles/breakpoints.css (custom media queries: a CSS draft no
    // browser supports yet) with their media queries; see the note in
    // src/styles/tokens.css. Lowering for old engines stays with the
    // minifier (cssTarget above), so the rest of the CSS is as before.
    css: {
      transformer: 'lightningcss',
      lightningcss: {
        drafts: { customMedia: true },
        include: Features.CustomMediaQueries,
      },
    },
    server: {
      // The dev server watches the project; builds, benchmark sites and test
      // output hold up to 70,000 folders, which exhaust the system's file
      // watchers (ENOSPC) and then no edit is noticed at all.
      watch: { ignored: ['**/dist/**', '**/.bench/**', '**/.test-output/**', '**/.lighthouse/**'] },
    },
  },
  // RIVER_TIME_ROUTES=1: each route's render time, a diagnostic (docs/performance.md).
  integrations: [riverData(), mdx(), ...(process.env.RIVER_TIME_ROUTES ? [routeTiming()] : [])],
});
