/**
 * The pure parts of the report receiver (src/receiver): its settings, the
 * rate limit, turning a body into a report (schema errors as dotted paths
 * in Chinese, the honeypot, the content hash that makes a repeat a repeat),
 * the store's migrations and idempotent save on a temporary SQLite file,
 * and the ledger rows of an export.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MESSAGES } from '../../src/lib/report.ts';
import { parseConfig, parseOrigins } from '../../src/receiver/config.ts';
import { RateLimiter } from '../../src/receiver/rate-limit.ts';
import { canonicalJson, HONEYPOT, jsonIntake, multipartIntake, sha256 } from '../../src/receiver/intake.ts';
import {
  DB_FILE,
  MIGRATIONS,
  migrate,
  ReportStore,
  type ReportFields,
  type StoredReport,
} from '../../src/receiver/store.ts';
import { caseRow, caseTitle, waterLabel } from '../../src/receiver/export.ts';
import { fieldLabel, receiptPage } from '../../src/receiver/pages.ts';

const temps: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'receiver-unit-'));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

const REPORT = {
  ref: 'JB-20261030-7XK2PA',
  water: 'qingxi-he',
  place: '青石桥下游约100米左岸',
  category: 'pollution',
  description: '水面有一层油污，闻起来有柴油味',
  seen_date: '2026-10-30',
  contact: 'anonymous',
};
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);

describe('settings', () => {
  it('takes flags over environment variables, with the documented defaults', () => {
    const c = parseConfig(['--data', '/srv/r', '--origin', 'https://hzz.example.org/'], {
      RECEIVER_PORT: '9000',
      RECEIVER_DATA: '/other',
    });
    expect(c).toEqual({
      port: 9000,
      host: '127.0.0.1',
      data: '/srv/r',
      origins: ['https://hzz.example.org'],
      rate: 20,
      maxBody: 20 * 1024 * 1024,
      trustProxy: false,
    });
    const d = parseConfig(['--port=8080', '--trust-proxy', '--rate', '0'], {
      RECEIVER_PORT: '9000',
      RECEIVER_DATA: '/srv/r',
      RECEIVER_ORIGIN: 'https://a.example,http://127.0.0.1:4321',
    });
    expect(d).toMatchObject({
      port: 8080,
      data: '/srv/r',
      origins: ['https://a.example', 'http://127.0.0.1:4321'],
      rate: 0,
      trustProxy: true,
    });
  });

  it('refuses what is not an origin, a missing directory or origin, and unknown flags', () => {
    expect(() => parseOrigins('*')).toThrow(/URL/);
    expect(() => parseOrigins('https://hzz.example.org/reports')).toThrow(/origin/);
    expect(() => parseOrigins('ftp://hzz.example.org')).toThrow(/origin/);
    expect(() => parseConfig(['--origin', 'https://a.example'], {})).toThrow(/--data/);
    expect(() => parseConfig(['--data', 'd'], {})).toThrow(/--origin/);
    expect(() => parseConfig(['--data', 'd', '--origin', 'https://a.example', '--prot', '1'], {})).toThrow(/--prot/);
    expect(() => parseConfig(['--data', 'd', '--origin', 'https://a.example', '--port', '70000'], {})).toThrow(/65535/);
    expect(() => parseConfig(['--data', 'd', '--origin', 'https://a.example', '--rate', 'many'], {})).toThrow(/--rate/);
  });
});

describe('a site published under a path (--site)', () => {
  it('is read with a trailing slash, and must be on one of the origins', () => {
    const base = ['--data', 'd', '--origin', 'https://www.example.gov.cn'];
    expect(parseConfig([...base, '--site', 'https://www.example.gov.cn/hzz'], {}).site).toBe(
      'https://www.example.gov.cn/hzz/',
    );
    expect(parseConfig(base, { RECEIVER_SITE: 'https://www.example.gov.cn/hzz/' }).site).toBe(
      'https://www.example.gov.cn/hzz/',
    );
    expect(parseConfig(base, {}).site).toBeUndefined();
    expect(() => parseConfig([...base, '--site', 'https://other.example/hzz/'], {})).toThrow(/--origin/);
    expect(() => parseConfig([...base, '--site', 'hzz'], {})).toThrow(/URL/);
  });

  it('the receipt page links to the tracking page, the form and the home page under the path', () => {
    const html = receiptPage('R-1', '2026-12-06T08:00:00Z', 'https://www.example.gov.cn/hzz/');
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        'https://www.example.gov.cn/hzz/track/?ref=R-1',
        'https://www.example.gov.cn/hzz/report/',
        'https://www.example.gov.cn/hzz/',
      ]),
    );
    expect(hrefs.filter((h) => h.startsWith('https://www.example.gov.cn/') && !h.includes('/hzz/'))).toEqual([]);
  });
});

describe('rate limit', () => {
  it('allows `limit` requests per address in the window, then says how long to wait', () => {
    const r = new RateLimiter(3, 60_000);
    expect([0, 1000, 2000].map((t) => r.hit('a', t).ok)).toEqual([true, true, true]);
    expect(r.hit('a', 3000)).toEqual({ ok: false, retryAfter: 57 });
    expect(r.hit('b', 3000).ok).toBe(true);
    expect(r.hit('a', 60_001).ok).toBe(true); // the first request left the window
    expect(new RateLimiter(0).hit('a').ok).toBe(true);
  });

  it('remembers a bounded number of addresses', () => {
    const r = new RateLimiter(5, 60_000, 100);
    for (let i = 0; i < 1000; i++) r.hit(`10.0.${i >> 8}.${i & 255}`, i);
    expect(r.size).toBeLessThanOrEqual(100);
  });
});

describe('a body as a report', () => {
  it('accepts the form’s JSON, photos checked by their bytes', () => {
    const r = jsonIntake(
      JSON.stringify({ ...REPORT, photos: [{ name: 'a.jpg', type: 'image/jpeg', data: JPEG.toString('base64') }] }),
    );
    expect(r.kind).toBe('report');
    if (r.kind !== 'report') return;
    expect(r.ref).toBe(REPORT.ref);
    expect(r.report).toMatchObject({ water: 'qingxi-he', contact: 'anonymous' });
    expect(r.photos).toEqual([{ bytes: JPEG, type: 'jpeg', sha256: sha256(JPEG) }]);
  });

  it('names each refused field by its dotted path, in Chinese', () => {
    const r = jsonIntake(
      JSON.stringify({
        ...REPORT,
        place: '',
        photos: [
          { name: 'a', type: 'image/jpeg', data: JPEG.toString('base64') },
          { name: 'b', type: 'image/jpeg', data: Buffer.from('GIF89a is not GIF here').toString('base64').slice(2) },
        ],
        colour: 'red',
      }),
    );
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.errors).toContainEqual({ path: 'place', message: MESSAGES.placeMissing });
    expect(r.errors.find((e) => e.path === 'colour')?.message).toContain('colour');
    for (const e of r.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    // The schema passes, the bytes do not.
    const bytes = jsonIntake(
      JSON.stringify({
        ...REPORT,
        photos: [{ name: 'a', type: 'image/jpeg', data: Buffer.from('<html>').toString('base64') }],
      }),
    );
    expect(bytes).toEqual({ kind: 'invalid', errors: [{ path: 'photos.0.data', message: MESSAGES.photoInvalid }] });
    expect(jsonIntake('nope')).toEqual({ kind: 'invalid', errors: [{ path: '', message: '请求内容不是有效的 JSON' }] });
  });

  it('treats a filled honeypot as a report to answer but not store; an empty one as absent', () => {
    expect(jsonIntake(JSON.stringify({ ...REPORT, [HONEYPOT]: 'http://spam.example' }))).toEqual({
      kind: 'honeypot',
      ref: REPORT.ref,
    });
    const empty = jsonIntake(JSON.stringify({ ...REPORT, [HONEYPOT]: '' }));
    const none = jsonIntake(JSON.stringify(REPORT));
    expect(empty.kind).toBe('report');
    expect(empty.kind === 'report' && none.kind === 'report' && empty.hash === none.hash).toBe(true);
  });

  it('gives equal content the same hash whatever the key order, and changed content another', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    const a = jsonIntake(JSON.stringify(REPORT));
    const b = jsonIntake(JSON.stringify(Object.fromEntries(Object.entries(REPORT).reverse())));
    const c = jsonIntake(JSON.stringify({ ...REPORT, description: `${REPORT.description}。` }));
    if (a.kind !== 'report' || b.kind !== 'report' || c.kind !== 'report') throw new Error('not reports');
    expect(a.hash).toBe(b.hash);
    expect(c.hash).not.toBe(a.hash);
  });

  it('reads the plain form: the consent box, an empty file input, a water typed by name, no name on an anonymous form', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      ...REPORT,
      ref: '',
      water: '',
      water_name: '东门外的小河',
      contact: 'anonymous',
      name: '张三',
      website: '',
    }))
      form.append(k, v);
    form.append('photos', new File([], ''));
    const req = new Request('http://x/', { method: 'POST', body: form });
    const body = new Uint8Array(await req.arrayBuffer());
    const r = await multipartIntake(body, req.headers.get('content-type')!);
    expect(r.kind).toBe('report');
    if (r.kind !== 'report') return;
    expect(r.ref).toBeUndefined();
    expect(r.report).toMatchObject({ water: '_unknown', water_name: '东门外的小河', contact: 'anonymous' });
    expect(r.report.name).toBeUndefined();
    expect(r.photos).toEqual([]);
  });
});

describe('the store', () => {
  const fields: ReportFields = {
    water: 'qingxi-he',
    place: '青石桥',
    category: 'pollution',
    description: '水面有一层油污',
    seen_date: '2026-10-30',
    contact: 'named',
    name: '张三',
    phone: '13800138000',
  };

  it('migrates a new file to the current schema in WAL mode, and refuses a file from newer code', () => {
    const dir = temp();
    const store = ReportStore.open(dir);
    expect((store.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(
      MIGRATIONS.length,
    );
    expect((store.db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect((store.db.prepare('PRAGMA synchronous').get() as { synchronous: number }).synchronous).toBe(2); // FULL
    store.close();
    const db = new DatabaseSync(join(dir, DB_FILE));
    expect(migrate(db)).toBe(MIGRATIONS.length); // nothing left to do
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => ReportStore.open(dir)).toThrow(/newer/);
  });

  it('saves a report once: a repeat with the same hash is a duplicate, with another a conflict', async () => {
    const store = ReportStore.open(temp());
    const photo = { bytes: JPEG, type: 'jpeg' as const, sha256: sha256(JPEG) };
    const first = await store.save('JB-20261030-7XK2PA', 'h1', 'json', fields, [photo]);
    expect(first.status).toBe('created');
    expect(await store.save('JB-20261030-7XK2PA', 'h1', 'json', fields, [photo])).toEqual({
      ...first,
      status: 'duplicate',
    });
    expect(await store.save('JB-20261030-7XK2PA', 'h2', 'json', fields, [])).toEqual({ ...first, status: 'conflict' });
    const all = store.list();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      ...fields,
      ref: 'JB-20261030-7XK2PA',
      channel: 'json',
      photos: [{ n: 1, type: 'jpeg', bytes: JPEG.length }],
    });
    expect(readdirSync(store.photoDir)).toEqual([all[0]!.photos[0]!.file]);
    store.close();
  });

  it('lists after a reference or from an instant, refusing an unknown reference', async () => {
    const store = ReportStore.open(temp());
    for (const ref of ['JB-20261030-AAAAAA', 'JB-20261030-BBBBBB', 'JB-20261030-CCCCCC'])
      await store.save(ref, ref, 'json', fields, []);
    expect(store.list({ afterRef: 'JB-20261030-AAAAAA' }).map((r) => r.ref)).toEqual([
      'JB-20261030-BBBBBB',
      'JB-20261030-CCCCCC',
    ]);
    expect(store.list({ from: '2000-01-01T00:00:00.000Z' })).toHaveLength(3);
    expect(store.list({ from: '2999-01-01T00:00:00.000Z' })).toHaveLength(0);
    expect(() => store.list({ afterRef: 'JB-20261030-ZZZZZZ' })).toThrow(/ZZZZZZ/);
    store.close();
  });

  it('removes photo files no row names when asked to sweep (after a crash between write and commit)', () => {
    const dir = temp();
    ReportStore.open(dir).close();
    writeFileSync(join(dir, 'photos', 'JB-20261030-AAAAAA-1-0000.jpg'), JPEG);
    writeFileSync(join(dir, 'photos', '.tmp-JB-20261030-AAAAAA-2-0000.jpg'), JPEG);
    const store = ReportStore.open(dir, { sweep: true });
    expect(readdirSync(store.photoDir)).toEqual([]);
    store.close();
  });

  it('an office command does not create a store in a mistyped directory', () => {
    expect(() => ReportStore.open(join(temp(), 'typo'), { existing: true })).toThrow(/no database/);
  });
});

describe('export rows', () => {
  const report: StoredReport = {
    seq: 1,
    ref: 'JB-20261030-7XK2PA',
    received: '2026-10-30T06:00:00.000Z',
    channel: 'json',
    water: 'qingxi-he',
    water_name: '清溪河（青山镇、白沙镇）',
    place: '青石桥下游约100米左岸',
    lat: 30.1,
    lon: 114.2,
    category: 'pollution',
    description: '水面有一层油污',
    seen_date: '2026-10-29',
    contact: 'named',
    name: '张三',
    phone: '13800138000',
    photos: [],
  };

  it('fills what a report says, leaves the office’s cells empty, and never carries name, phone or coordinates', () => {
    const row = caseRow(report);
    expect(row).toMatchObject({
      id: '',
      region: '',
      responsible: '',
      deadline: '',
      report_ref: report.ref,
      water: 'qingxi-he',
      found: '2026-10-29',
      source: 'report',
      category: 'pollution',
      lat: '',
      lon: '',
    });
    expect(row.title).toBe('水体污染：清溪河，青石桥下游约100米左岸');
    expect(row.description).toBe('位置：青石桥下游约100米左岸。水面有一层油污');
    const text = JSON.stringify(row);
    for (const secret of ['张三', '13800138000', '30.1', '114.2']) expect(text).not.toContain(secret);
  });

  it('leaves the water to the clerk when the person did not know it, naming what they typed', () => {
    const row = caseRow({ ...report, water: '_unknown', water_name: '村东头的小河沟' });
    expect(row.water).toBe('');
    expect(row.description).toContain('河湖：村东头的小河沟（反映人填写）');
    expect(waterLabel({ water_name: '清溪河（青山镇、白沙镇）' })).toBe('清溪河');
    expect(caseTitle({ ...report, place: '桥'.repeat(300) }).length).toBe(200);
  });

  it('names fields as the form does on the no-JS error page', () => {
    expect(fieldLabel('place')).toBe('具体位置');
    expect(fieldLabel('photos.1')).toBe('照片（第 2 张）');
    expect(fieldLabel('')).toBe('提交的内容');
  });
});
