import { describe, expect, it } from 'vitest';
import { markdownToHtml, mdxToJs } from 'satteri';
import { basePathOf, joinBase, pathWithBase, siteHref, stripBase } from '../../src/lib/base.ts';
import { baseAttribute, markdownBase } from '../../src/lib/markdown-base.ts';

describe('the base path of site.yaml url', () => {
  it('is the path of the URL, with a trailing slash; / without a path or a url', () => {
    expect(basePathOf('https://hzz.example.org/')).toBe('/');
    expect(basePathOf('https://hzz.example.org')).toBe('/');
    expect(basePathOf('https://www.example.gov.cn/hzz/')).toBe('/hzz/');
    expect(basePathOf('https://www.example.gov.cn/a/hzz')).toBe('/a/hzz/');
    expect(basePathOf(undefined)).toBe('/');
  });
});

describe('a site path under the base path', () => {
  it('gets the base in front of a root-relative path', () => {
    expect(joinBase('/hzz/', '/waters/qingxi-he/')).toBe('/hzz/waters/qingxi-he/');
    expect(joinBase('/hzz/', '/')).toBe('/hzz/');
    expect(joinBase('/hzz', '/report/?water=a#x')).toBe('/hzz/report/?water=a#x');
    expect(joinBase('/', '/data/index.json')).toBe('/data/index.json');
  });

  it('leaves fragments, relative, protocol-relative and absolute URLs alone', () => {
    for (const url of [
      '#main',
      'feed.xml',
      '//cdn.example.org/x.js',
      'https://example.org/',
      'mailto:a@b.cn',
      'tel:0000-1',
    ])
      expect(joinBase('/hzz/', url)).toBe(url);
  });

  it('is the path as written in a build at the root (the sample, and the unit tests)', () => {
    expect(pathWithBase('/waters/')).toBe('/waters/');
  });

  it('comes back to the path the code writes, and nothing outside the base', () => {
    expect(stripBase('/hzz/', '/hzz/report/')).toBe('/report/');
    expect(stripBase('/hzz/', '/hzz')).toBe('/');
    expect(stripBase('/hzz/', '/report/')).toBeNull();
    expect(stripBase('/hzz/', '/hzzz/report/')).toBeNull();
    expect(stripBase('/', '/report/')).toBe('/report/');
  });

  it('is an absolute URL under site.yaml url, path included', () => {
    expect(siteHref('https://hzz.example.org/', '/cases/a/')).toBe('https://hzz.example.org/cases/a/');
    expect(siteHref('https://x.gov.cn/hzz/', '/cases/a/')).toBe('https://x.gov.cn/hzz/cases/a/');
    expect(siteHref('https://x.gov.cn/hzz', '/')).toBe('https://x.gov.cn/hzz/');
    expect(siteHref('https://x.gov.cn/hzz/', '/targets/#target-a')).toBe('https://x.gov.cn/hzz/targets/#target-a');
  });
});

describe('root-relative links in policy documents', () => {
  const md = [
    '见[问题台账](/cases/)、[引用][r]、[外部](https://example.org/a/)和[本节](#x)。',
    '',
    '![现场照片](/cases/media/a.jpg)',
    '',
    '[r]: /documents/a/',
  ].join('\n');

  it('go under the base path, in Markdown', () => {
    const { html } = markdownToHtml(md, { hastPlugins: [markdownBase('/hzz/')] });
    expect(html).toContain('href="/hzz/cases/"');
    expect(html).toContain('href="/hzz/documents/a/"');
    expect(html).toContain('src="/hzz/cases/media/a.jpg"');
    expect(html).toContain('href="https://example.org/a/"');
    expect(html).toContain('href="#x"');
    expect(html).not.toMatch(/(href|src)="\/(?!hzz\/)/);
  });

  it('go under the base path in MDX too', () => {
    const { code } = mdxToJs(md, { hastPlugins: [markdownBase('/hzz/')] });
    expect(code).toContain('"/hzz/cases/"');
    expect(code).toContain('"/hzz/cases/media/a.jpg"');
    expect(code).not.toContain('"/cases/"');
  });

  it('stay as written at the root of a host', () => {
    expect(markdownToHtml(md, { hastPlugins: [markdownBase('/')] }).html).toBe(markdownToHtml(md).html);
    expect(baseAttribute('/', 'a', { href: '/cases/' })).toBeNull();
    expect(baseAttribute('/hzz/', 'p', { href: '/cases/' })).toBeNull();
  });
});
