/**
 * Long tables on a phone (360×740, touch), as someone who scanned a river
 * sign sees them:
 *
 * - on each page with a long table, the key cells of the first rows (the
 *   name, the status or class, meets target, overdue, the deadline) are
 *   inside the screen without scrolling sideways: each row of a .hz-stack
 *   table reads as a block (src/styles/tables.css);
 * - such a table is still a table for screen readers: Chromium's
 *   accessibility tree has the table, its rows, column headers and cells,
 *   and each cell is named by its column header;
 * - a table that stays a grid (.hz-scroll) says that it scrolls, and its
 *   first column stays in place when it does;
 * - axe finds no violation on these pages at this size.
 *
 * Pages come from the built site (dist), the columns by their header text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { openSite, type Session } from '../helpers/browser.ts';
import { siteDist } from '../helpers/site.ts';

const dist = siteDist();
const WIDTH = 360;
const FIRST_ROWS = 3;

const dirs = (dir: string, pattern: RegExp) =>
  existsSync(join(dist, dir))
    ? readdirSync(join(dist, dir))
        .filter((d) => pattern.test(d) && existsSync(join(dist, dir, d, 'index.html')))
        .sort()
    : [];
const waterWithCases = dirs('waters', /^[a-z]/).find((d) =>
  /hz-case-table/.test(readFileText(join(dist, 'waters', d, 'index.html'))),
);
const township = dirs('cases/township', /^\d+$/)[0];
const patrolRegion = dirs('patrols', /^\d+$/).find((d) =>
  /hz-stack/.test(readFileText(join(dist, 'patrols', d, 'index.html'))),
);
const month = dirs('quality', /^\d{4}-\d{2}$/).at(-1);

function readFileText(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

const CASES = ['问题', '状态', '是否逾期', '整改时限'];
const STATIONS = ['断面', '本月水质', '是否达标'];
/** Page → the key columns of its long tables (a table is checked when it has all of them). */
const PAGES: [string, string[][]][] = [
  ['/cases/', [CASES]],
  ['/cases/status/all/', [CASES]],
  ...(township ? [[`/cases/township/${township}/`, [CASES]] as [string, string[][]]] : []),
  ...(waterWithCases ? [[`/waters/${waterWithCases}/`, [CASES]] as [string, string[][]]] : []),
  ['/quality/', [STATIONS]],
  ...(month ? [[`/quality/${month}/`, [STATIONS]] as [string, string[][]]] : []),
  ['/waters/', [['名称', '水质目标', '最近水质']]],
  ['/targets/', [['指标', '完成时限', '状态']]],
  [
    '/accountability/',
    [
      ['乡镇（街道）', '未见记录'],
      ['断面', '规则要求', '问责记录'],
    ],
  ],
  ['/inspections/', [['考核对象', '结果']]],
  ['/patrols/', [['乡镇（街道）', '履职率']]],
  ...(patrolRegion ? [[`/patrols/${patrolRegion}/`, [['河长', '未达标月数']]] as [string, string[][]]] : []),
  ...(existsSync(join(dist, 'outlets', 'index.html'))
    ? [['/outlets/', [['名称', '状态', '相关问题']]] as [string, string[][]]]
    : []),
  ...(existsSync(join(dist, 'black-odorous', 'index.html'))
    ? [['/black-odorous/', [['水体', '整治时限', '状态']]] as [string, string[][]]]
    : []),
];

let s: Session;
let phone: BrowserContext;

beforeAll(async () => {
  s = await openSite(dist);
  phone = await s.context({ viewport: { width: WIDTH, height: 740 }, hasTouch: true, isMobile: true });
});
afterAll(async () => {
  await s?.close();
});

async function open(path: string): Promise<Page> {
  const page = await phone.newPage();
  await page.goto(s.url(path), { waitUntil: 'load' });
  return page;
}

/** For each table with every key column: the boxes of those cells in its first rows. */
function keyCellBoxes(page: Page, columns: string[], rows: number) {
  return page.evaluate(
    ({ columns, rows }) =>
      [...document.querySelectorAll<HTMLTableElement>('main table')].flatMap((table) => {
        const heads = [...(table.tHead?.rows[0]?.cells ?? [])].map((th) =>
          (th.textContent ?? '').replace(/[↕▲▼]/g, '').trim(),
        );
        const at = columns.map((c) => heads.indexOf(c));
        if (at.some((i) => i < 0)) return [];
        const body = [...table.tBodies]
          .flatMap((b) => [...b.rows])
          .filter((r) => !r.hidden)
          .slice(0, rows);
        return body.flatMap((row, r) =>
          at.map((i, k) => {
            const box = row.cells[i]!.getBoundingClientRect();
            return {
              table: table.caption?.textContent?.trim().slice(0, 30) ?? '',
              row: r,
              column: columns[k]!,
              left: box.left,
              right: box.right,
              width: box.width,
            };
          }),
        );
      }),
    { columns, rows },
  );
}

describe(`long tables at ${WIDTH}×740 with touch`, () => {
  it('has the pages to check', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(10);
    expect(waterWithCases).toBeDefined();
  });

  it.each(PAGES)('%s: the key cells of the first rows are on the screen', async (path, tables) => {
    const page = await open(path);
    for (const columns of tables) {
      const boxes = await keyCellBoxes(page, columns, FIRST_ROWS);
      expect(boxes.length, `a table with the columns ${columns.join('、')}`).toBeGreaterThan(0);
      for (const b of boxes) {
        expect(b.width, `${b.table} row ${b.row + 1} ${b.column}`).toBeGreaterThan(0);
        expect(b.left, `${b.table} row ${b.row + 1} ${b.column}`).toBeGreaterThanOrEqual(0);
        expect(b.right, `${b.table} row ${b.row + 1} ${b.column}`).toBeLessThanOrEqual(WIDTH);
      }
    }
    // Nothing of the page itself sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await page.close();
  });

  it.each(PAGES)('%s: axe finds no violation', async (path) => {
    const page = await open(path);
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  });

  it('a stacked table is still a table in the accessibility tree, each cell named by its column', async () => {
    const page = await open('/cases/status/all/');
    const table = page.locator('main table.hz-stack').first();
    expect(
      await table.evaluate((t) => getComputedStyle((t as HTMLTableElement).tBodies[0]!.rows[0]!).display),
    ).not.toBe('table-row');
    const cdp = await phone.newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value: string }; ignored?: boolean }[];
    };
    const count = (role: string) => nodes.filter((n) => !n.ignored && n.role?.value === role).length;
    const rows = await table.locator('tbody tr').count();
    expect(count('table')).toBeGreaterThan(0);
    expect(count('row')).toBeGreaterThanOrEqual(rows + 1);
    expect(count('columnheader')).toBeGreaterThanOrEqual(8);
    expect(count('rowheader')).toBeGreaterThanOrEqual(rows);
    expect(count('cell')).toBeGreaterThanOrEqual(rows * 7);
    // What a screen reader reads for a cell: its content; the visible column name drawn before it is
    // not read again (the header says it).
    const { result } = (await cdp.send('Runtime.evaluate', {
      expression: `[...document.querySelectorAll('main table.hz-stack td[data-label="状态"]')][0]`,
    })) as { result: { objectId: string } };
    const { node } = (await cdp.send('DOM.describeNode', { objectId: result.objectId })) as {
      node: { backendNodeId: number };
    };
    const cell = (await cdp.send('Accessibility.getPartialAXTree', {
      backendNodeId: node.backendNodeId,
      fetchRelatives: false,
    })) as {
      nodes: { role?: { value: string }; name?: { value: string } }[];
    };
    expect(cell.nodes[0]?.role?.value).toBe('cell');
    expect(cell.nodes[0]?.name?.value ?? '').not.toMatch(/^状态/);
    await page.close();
  });

  it('a table that stays a grid says that it scrolls and keeps its first column in place', async () => {
    const page = await open('/cases/');
    const table = page.locator('main table.hz-scroll').first();
    const hint = table.locator('.hz-scroll-hint');
    expect(await hint.isVisible()).toBe(true);
    const hintBox = (await hint.boundingBox())!;
    expect(hintBox.x + hintBox.width).toBeLessThanOrEqual(WIDTH);
    const wrap = table.locator('xpath=ancestor::*[contains(@class, "hz-table-wrap")][1]');
    expect(await wrap.evaluate((w) => w.scrollWidth > w.clientWidth)).toBe(true);
    const first = table.locator('tbody tr').first().locator('th, td').first();
    const last = table.locator('tbody tr').first().locator('th, td').last();
    const before = (await first.boundingBox())!.x;
    const lastBefore = (await last.boundingBox())!.x;
    await wrap.evaluate((w) => w.scrollBy(200, 0));
    await expect.poll(async () => (await last.boundingBox())!.x).toBeLessThan(lastBefore);
    expect((await first.boundingBox())!.x).toBeCloseTo(before, 0);
    await page.close();
  });
});
