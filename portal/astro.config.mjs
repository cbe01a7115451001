// @ts-check
/**
 * The portal over member sites (docs/deploy.md), built by
 * scripts/portal/build.ts, which passes `site`, `base` and `outDir` and the
 * model of the members (PORTAL_MODEL). The county site's styles
 * (src/styles) are reused; the CSS and script rules are the county site's
 * (astro.config.mjs): nothing inlined, so the Content-Security-Policy holds.
 */
import { defineConfig } from 'astro/config';
import { Features } from 'lightningcss';

export default defineConfig({
  srcDir: './src',
  publicDir: './public',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  vite: {
    build: { assetsInlineLimit: 0, cssTarget: ['chrome87', 'edge88', 'firefox78', 'safari14'] },
    css: {
      transformer: 'lightningcss',
      lightningcss: { drafts: { customMedia: true }, include: Features.CustomMediaQueries },
    },
  },
});
