/** src/lib/custom-media.ts: a script reads a breakpoint from the one stylesheet that names it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { customMedia } from '../../src/lib/custom-media.ts';

const breakpoints = readFileSync(new URL('../../src/styles/breakpoints.css', import.meta.url), 'utf8');

describe('customMedia', () => {
  it('reads the query of a named breakpoint from the site stylesheet', () => {
    expect(customMedia(breakpoints, '--hz-wide')).toBe('(min-width: 40.0625em)');
    expect(customMedia(breakpoints, '--hz-narrow')).toBe('(max-width: 40em)');
  });

  it('takes the whole name, not a longer one that starts with it, and skips comments', () => {
    const css =
      '/* @custom-media --a (max-width: 1em); */\n@custom-media --ab (max-width: 2em);\n@custom-media --a (min-width: 3em);';
    expect(customMedia(css, '--a')).toBe('(min-width: 3em)');
    expect(customMedia(css, '--ab')).toBe('(max-width: 2em)');
  });

  it('throws for a name the stylesheet does not define', () => {
    expect(() => customMedia(breakpoints, '--hz-huge')).toThrow(/--hz-huge/);
  });
});
