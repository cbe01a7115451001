// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import riverData from './src/loader/integration.ts';
import { siteUrl } from './src/loader/integration.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: siteUrl(),
  // The content store must live where vitest reads it (see stack-notes).
  cacheDir: process.env.RIVER_CACHE_DIR || './.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  integrations: [riverData(), mdx()],
});
