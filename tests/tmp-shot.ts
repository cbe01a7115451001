import { openSite } from './helpers/browser.ts';
const s = await openSite(process.argv[4] ?? '/tmp/dist-lead');
const ctx = await s.context({ viewport: { width: Number(process.argv[3] ?? 360), height: 740 }, deviceScaleFactor: 1 });
const page = await ctx.newPage();
await page.goto(s.url(process.argv[2] ?? '/'));
await page.screenshot({ path: '/tmp/shot.png', fullPage: process.argv[5] === 'full' });
await s.close();
