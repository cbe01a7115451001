import { describe, expect, it } from 'vitest';
import { moduleImports, pageAssets, precachePaths } from '../../src/lib/sw-precache.ts';

const page = `<!doctype html><html><head>
<link rel="canonical" href="https://hzz.example.org/report/">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" href="/feed.xml">
<link rel="stylesheet" href="/_astro/Base.AbC123.css">
<script type="module" src="/_astro/Header.x1.js"></script>
<script type="module" src="https://cdn.example.com/x.js"></script>
</head><body><report-form data-waters-url="/report/waters.json"><a href="/track/">查询</a></report-form></body></html>`;

describe('service worker precache list', () => {
  it('takes the stylesheets, scripts, icon and data URLs a page loads, same origin only, not its links or feeds', () => {
    expect(pageAssets(page).sort()).toEqual([
      '/_astro/Base.AbC123.css',
      '/_astro/Header.x1.js',
      '/favicon.svg',
      '/report/waters.json',
    ]);
  });

  it('follows a module’s static and dynamic imports, relative or absolute', () => {
    const code = `import{a as t}from"./format.D1.js";import"./side.E2.js";const m=()=>import("./lazy.F3.js");import x from"/_astro/abs.G4.js";import y from"zod";`;
    expect(moduleImports(code, '/_astro/ReportForm.C0.js').sort()).toEqual([
      '/_astro/abs.G4.js',
      '/_astro/format.D1.js',
      '/_astro/lazy.F3.js',
      '/_astro/side.E2.js',
    ]);
  });

  it('collects pages and everything they need transitively, once each, leaving out files the build lacks', () => {
    const files: Record<string, string> = {
      '/report/': page.replace('/_astro/Header.x1.js', '/_astro/Form.y2.js'),
      '/report/named/': page,
      '/_astro/Base.AbC123.css': 'body{}',
      '/_astro/Header.x1.js': 'import"./shared.z3.js"',
      '/_astro/Form.y2.js': 'import{a}from"./shared.z3.js"',
      '/_astro/shared.z3.js': 'export const a=1',
      '/favicon.svg': '<svg/>',
    };
    const paths = precachePaths(['/report/', '/report/named/', '/report/missing/'], (p) => files[p] ?? null);
    expect(paths).toEqual([
      '/_astro/Base.AbC123.css',
      '/_astro/Form.y2.js',
      '/_astro/Header.x1.js',
      '/_astro/shared.z3.js',
      '/favicon.svg',
      '/report/',
      '/report/named/',
    ]);
  });
});
