/**
 * The loop from a citizen's report to the published ledger, as an office
 * runs it: a copy of the sample built with `report.endpoint` pointing at a
 * running receiver, the form filled in Chromium (with and without
 * JavaScript, and while the receiver is down), then the office's export,
 * the clerk's cells, `npm run import`, a second build, and /track/ finding
 * the case by the reference the citizen was shown. Two builds in all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/lib/csv.ts';
import { astroBuild, cleanupTemp, listFiles, ROOT, runNpx, tempDir } from '../helpers/fixtures.ts';
import { openSite, type Session } from '../helpers/browser.ts';
import { draft, fillReport, firstWater, openReport, PNG, REF, submit, type Water } from '../helpers/report.ts';
import { freePort, listReports, reportsCli, startReceiver, type RunningReceiver } from '../helpers/receiver.ts';

let port: number;
let dataDir: string;
let receiverData: string;
let site: Session;
let rcv: RunningReceiver;
let water: Water;
/** References the browser showed as confirmed, with what the person typed. */
const confirmed: { ref: string; named: boolean }[] = [];

const start = () => startReceiver({ data: receiverData, origins: [site.server.origin], port });

beforeAll(async () => {
  port = await freePort();
  const work = tempDir('receiver-site-');
  dataDir = join(work, 'data');
  receiverData = join(work, 'receiver');
  cpSync(join(ROOT, 'src/content'), dataDir, { recursive: true });
  const yaml = readFileSync(join(dataDir, 'site.yaml'), 'utf8');
  if (!/endpoint: null/.test(yaml)) throw new Error('sample site.yaml changed: no "endpoint: null" to replace');
  writeFileSync(
    join(dataDir, 'site.yaml'),
    yaml.replace('endpoint: null', `endpoint: "http://127.0.0.1:${port}/reports"`),
  );
  const build = await astroBuild(dataDir);
  if (build.code !== 0) throw new Error(`build with the endpoint failed:\n${build.output.slice(-3000)}`);
  site = await openSite(build.outDir);
  rcv = await start();
  water = await firstWater(site);
}, 240_000);

afterAll(async () => {
  await rcv?.stop();
  await site?.close();
  cleanupTemp();
});

describe('the report form and a running receiver', () => {
  it('sends the report and shows the reference the receiver confirmed as 受理编号, then clears the draft', async () => {
    const { page, context } = await openReport(site);
    await fillReport(page, water, true);
    await page.setInputFiles('#r-photos', [{ name: 'river.png', mimeType: 'image/png', buffer: PNG }]);
    await expect.poll(() => page.locator('[data-photo-list] li').count()).toBe(1);
    await submit(page);
    const panel = page.locator('[data-success]');
    await panel.waitFor({ timeout: 15_000 });
    expect(await panel.textContent()).toContain('您的受理编号是');
    const ref = (await panel.locator('[data-ref]').textContent())!;
    expect(ref).toMatch(REF);
    expect(await panel.locator('[data-received]').isVisible()).toBe(true);
    expect(await panel.locator('[data-track]').getAttribute('href')).toBe(`/track/?ref=${ref}`);
    expect(await draft(page)).toBeNull();

    const saved = (await listReports(receiverData)).find((r) => r.ref === ref);
    expect(saved).toMatchObject({
      water: water.id,
      category: 'pollution',
      contact: 'named',
      name: '张三',
      phone: '13800138000',
    });
    expect(saved!.photos.map((p) => p.type)).toEqual(['jpeg']); // resized to JPEG in the browser, checked by its bytes
    confirmed.push({ ref, named: true });
    await context.close();
  });

  it('keeps the draft and calls its number a draft while the receiver is down; the retry sends the same reference and is confirmed', async () => {
    const { page, context } = await openReport(site);
    await fillReport(page, water);
    await rcv.stop();
    await submit(page);
    const fallback = page.locator('[data-fallback]');
    await fallback.waitFor({ timeout: 20_000 });
    expect(await fallback.locator('[data-ref-label]').textContent()).toBe('草稿编号');
    expect(await fallback.locator('[data-retry]').isVisible()).toBe(true);
    const draftRef = (await fallback.locator('[data-ref]').first().textContent())!;
    expect(draftRef).toMatch(REF);
    expect(JSON.parse((await draft(page))!).ref).toBe(draftRef);

    rcv = await start();
    await page.click('[data-retry-button]');
    const panel = page.locator('[data-success]');
    await panel.waitFor({ timeout: 15_000 });
    expect(await panel.locator('[data-ref]').textContent()).toBe(draftRef);
    expect((await listReports(receiverData)).filter((r) => r.ref === draftRef)).toHaveLength(1);
    expect(await draft(page)).toBeNull();
    confirmed.push({ ref: draftRef, named: false });
    await context.close();
  });

  it('without JavaScript posts the form to the receiver, which answers with the reference it made', async () => {
    const context = await site.context({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url('/report/'));
    await page.selectOption('select[name=water]', water.id);
    await page.fill('#r-place', '白沙村渡口下游河滩');
    await page.check('#r-category-garbage');
    await page.fill('#r-description', '河滩上堆着很多生活垃圾，有的已经漂到水里');
    await page.fill('#r-seen-date', '2026-10-29');
    await Promise.all([page.waitForURL(`${rcv.endpoint}`), submit(page)]);
    expect(await page.locator('h1').textContent()).toBe('已收到您的反映');
    const ref = (await page.locator('.ref').textContent())!;
    expect(ref).toMatch(REF);
    expect(await page.getByRole('link', { name: '查询办理进度' }).getAttribute('href')).toBe(
      `${site.server.origin}/track/?ref=${ref}`,
    );
    expect((await listReports(receiverData)).find((r) => r.ref === ref)).toMatchObject({
      category: 'garbage',
      contact: 'anonymous',
    });
    confirmed.push({ ref, named: false });
    await context.close();
  });
});

describe('from the receiver to the published ledger', () => {
  it('exports the reports, a clerk completes and imports them, and after a build /track/ finds each by its reference', async () => {
    expect(confirmed).toHaveLength(3);
    const work = tempDir('receiver-export-');
    const exported = join(work, 'reports.xlsx');
    const ex = await reportsCli(['export', '--data', receiverData, '--out', exported, '--with-data', dataDir]);
    expect(ex.code, ex.output).toBe(0);

    // The clerk fills the cells a report cannot: id, region, responsible unit, deadline.
    const [head, ...rows] = parseCsv(readFileSync(join(dataDir, 'waters.csv'), 'utf8')).records.map((r) => r.cells);
    const waters = new Map(rows.map((c) => [c[head!.indexOf('id')]!, c[head!.indexOf('regions')]!.split(';')[0]!]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    const sheet = wb.getWorksheet('问题台账')!;
    const header = (sheet.getRow(1).values as unknown[]).map((v) => (v == null ? '' : String(v)));
    const col = (h: string) => header.indexOf(h);
    const ids = new Map<string, string>();
    sheet.eachRow((row, n) => {
      const ref = row.getCell(col('举报受理编号')).value;
      if (n === 1 || !confirmed.some((c) => c.ref === ref)) return;
      expect(row.getCell(col('问题编号')).value || null).toBeNull();
      const id = `wt-2026-9${String(ids.size + 1).padStart(2, '0')}`;
      ids.set(String(ref), id);
      row.getCell(col('问题编号')).value = id;
      row.getCell(col('区划代码')).value = waters.get(String(row.getCell(col('水体编码')).value))!;
      row.getCell(col('责任单位')).value = '示例县河长制办公室';
      row.getCell(col('整改时限')).value = new Date(Date.UTC(2026, 11, 31));
      row.commit();
    });
    expect(ids.size).toBe(3);
    const filled = join(work, 'filled.xlsx');
    await wb.xlsx.writeFile(filled);

    const before = parseCsv(readFileSync(join(dataDir, 'cases.csv'), 'utf8'))
      .records.slice(1)
      .map((r) => r.cells[0]!);
    expect(before.length).toBeGreaterThan(10);
    const imp = await runNpx(['node', 'scripts/import.ts', filled, '--data', dataDir]);
    expect(imp.code, imp.output).toBe(0);
    const cases = readFileSync(join(dataDir, 'cases.csv'), 'utf8');
    for (const id of before) expect(cases).toContain(`${id},`); // the ledger kept every case it had
    for (const [ref, id] of ids) expect(cases).toMatch(new RegExp(`^${id},.*,${ref},`, 'm'));

    // The name and phone stayed in the receiver: not in the data folder, not on the site.
    for (const f of listFiles(dataDir)) {
      const text = readFileSync(join(dataDir, f)).toString('utf8');
      expect(text.includes('13800138000') || text.includes('张三'), f).toBe(false);
    }
    const build = await astroBuild(dataDir);
    expect(build.code, build.output.slice(-3000)).toBe(0);
    for (const f of listFiles(build.outDir).filter((x) => /\.(html|json|csv|xml|txt|js)$/.test(x))) {
      expect(readFileSync(join(build.outDir, f), 'utf8').includes('13800138000'), f).toBe(false);
    }

    const published = await openSite(build.outDir);
    try {
      const context = await published.context();
      const page = await context.newPage();
      await page.goto(published.url('/track/'));
      for (const [ref, id] of ids) {
        await page.getByLabel('受理编号').fill(ref);
        await page.getByRole('button', { name: '查询' }).click();
        const result = page.locator('[data-result]');
        await expect.poll(() => result.locator('article h2').textContent()).toBe(`受理编号 ${ref}`);
        expect(await result.locator('a').first().getAttribute('href')).toBe(`/cases/${id}/`);
      }
      await context.close();
    } finally {
      await published.close();
    }
  }, 240_000);
});
