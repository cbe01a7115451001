/**
 * Search in Chinese (Pagefind): a water is found by a two-character word
 * inside its name, by its full pinyin and by its initials; a policy
 * document by words of its text; the header box leads to the results.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fullPinyin, initials } from '../../src/lib/pinyin.ts';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';

const dist = siteDist();
const waters = JSON.parse(readFileSync(join(dist, 'data/waters.json'), 'utf8')) as { id: string; name: string }[];
// A water whose name has at least three characters, so a two-character word is inside it.
const target = waters.find((w) => [...w.name].length >= 3)!;

/** A policy document of the sample and a four-character phrase from its body text (not its title). */
function documentPhrase(): { id: string; phrase: string } {
  const dir = join(import.meta.dirname, '..', '..', 'src', 'content', 'documents');
  for (const file of readdirSync(dir).sort()) {
    const [, front = '', body = ''] = readFileSync(join(dir, file), 'utf8').split(/^---$/m);
    const title = /^title:\s*(.+)$/m.exec(front)?.[1] ?? '';
    for (const line of body.split('\n')) {
      const run = /[\u4e00-\u9fff]{8,}/.exec(line.startsWith('#') || line.startsWith('<') ? '' : line)?.[0];
      const phrase = run && [...run].slice(2, 6).join('');
      if (phrase && !title.includes(phrase)) return { id: file.replace(/\.mdx?$/, ''), phrase };
    }
  }
  throw new Error('no document with body text in the sample');
}

let s: Session;
beforeAll(async () => {
  s = await openSite(dist);
});
afterAll(async () => {
  await s?.close();
});

async function results(page: Page, q: string): Promise<string[]> {
  await page.goto(s.url(`/search/?q=${encodeURIComponent(q)}`));
  await page.waitForFunction(() => /找到|没有找到/.test(document.querySelector('[data-status]')?.textContent ?? ''), null, { timeout: 20_000 });
  return page.locator('[data-results] li a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
}

describe('search', () => {
  it('finds a water by a two-character word inside its name', async () => {
    const page = await (await s.context()).newPage();
    const word = [...target.name].slice(0, 2).join('');
    expect(await results(page, word)).toContain(`/waters/${target.id}/`);
  });

  it('finds a water by its full pinyin and by its initials', async () => {
    const page = await (await s.context()).newPage();
    expect(await results(page, fullPinyin(target.name))).toContain(`/waters/${target.id}/`);
    expect(await results(page, initials(target.name))).toContain(`/waters/${target.id}/`);
  });

  it('finds a policy document by words of its text', async () => {
    const page = await (await s.context()).newPage();
    const { id, phrase } = documentPhrase();
    expect(await results(page, phrase), phrase).toContain(`/documents/${id}/`);
  });

  it('narrows results by type', async () => {
    const page = await (await s.context()).newPage();
    await page.goto(s.url(`/search/?q=${encodeURIComponent(target.name)}&type=${encodeURIComponent('河湖')}`));
    await page.waitForFunction(() => /找到|没有找到/.test(document.querySelector('[data-status]')?.textContent ?? ''), null, { timeout: 20_000 });
    const metas = await page.locator('[data-results] li .meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const m of metas) expect(m.startsWith('河湖')).toBe(true);
  });

  it('says so plainly when nothing matches', async () => {
    const page = await (await s.context()).newPage();
    expect(await results(page, 'qxzvkjw')).toEqual([]);
    await expect(page.locator('[data-status]').textContent()).resolves.toContain('没有找到');
  });
});
