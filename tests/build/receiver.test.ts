/**
 * The report receiver as an office runs it: a real `scripts/receiver.ts`
 * process on a free port with a temporary data directory and a real SQLite
 * file, spoken to over HTTP as the form and an office's scripts do, and
 * read back with the office's own commands (`npm run reports`). The
 * interface is docs/receiver-interface.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import ExcelJS from 'exceljs';
import { MESSAGES } from '../../src/lib/report.ts';
import { TABLES } from '../../src/schemas/tables.ts';
import { cleanupTemp, tempDir } from '../helpers/fixtures.ts';
import {
  freePort,
  integrityCheck,
  jpegBytes,
  listReports,
  postJson,
  reportsCli,
  runReceiverToExit,
  startReceiver,
  testRef,
  validReport,
  type RunningReceiver,
} from '../helpers/receiver.ts';

const SITE = 'https://hzz.example.org';
const LOCAL_SITE = 'http://127.0.0.1:4321';
const CHINESE = /[\u4e00-\u9fff]/;
const MAX_BODY = 300_000;
const RATE = 5;

let rcv: RunningReceiver;
let data: string;
let address = 0;
/** A new client address for each test (the receiver trusts X-Forwarded-For here), so rate limits do not cross tests. */
const client = () => ({ 'X-Forwarded-For': `198.51.100.${++address}` });

beforeAll(async () => {
  data = join(tempDir('receiver-'), 'data'); // missing: the receiver creates it
  rcv = await startReceiver({
    data,
    origins: [SITE, LOCAL_SITE],
    args: ['--trust-proxy', '--rate', String(RATE), '--max-body', String(MAX_BODY)],
  });
});

afterAll(async () => {
  await rcv?.stop();
  cleanupTemp();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const stored = async (ref: string) => (await listReports(data)).find((r) => r.ref === ref);

describe('receiving a report', () => {
  it('answers 201 with the reference and the time once stored, and /health says the database answers', async () => {
    const photo = jpegBytes(5000);
    const report = validReport({ photos: [{ name: 'river.jpg', type: 'image/jpeg', data: photo.toString('base64') }] });
    const r = await postJson(rcv.endpoint, report, client());
    expect(r.status).toBe(201);
    expect(r.body.ref).toBe(report.ref);
    expect(new Date(r.body.received).toISOString()).toBe(r.body.received); // ISO 8601, UTC
    expect(Object.keys(r.body).sort()).toEqual(['received', 'ref']);

    const saved = await stored(report.ref as string);
    expect(saved).toMatchObject({
      ref: report.ref,
      received: r.body.received,
      water: 'qingxi-he',
      category: 'pollution',
      contact: 'anonymous',
    });
    expect(saved!.photos).toHaveLength(1);
    expect(saved!.photos[0]!.file.startsWith(join(data, 'photos'))).toBe(true);
    expect(sha(readFileSync(saved!.photos[0]!.file))).toBe(sha(photo));

    const health = await fetch(`${rcv.origin}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
  });

  it('refuses what the schema refuses, each field named by its dotted path with a Chinese message, and stores nothing', async () => {
    const before = (await listReports(data)).length;
    const cases: { body: unknown; expect: Record<string, string | RegExp> }[] = [
      { body: validReport({ place: ' ' }), expect: { place: MESSAGES.placeMissing } },
      { body: validReport({ category: 'flood' }), expect: { category: MESSAGES.category } },
      { body: validReport({ seen_date: '2026-02-30' }), expect: { seen_date: MESSAGES.dateInvalid } },
      {
        body: validReport({ contact: 'named', phone: '12345' }),
        expect: { phone: MESSAGES.phoneInvalid, consent: MESSAGES.consent },
      },
      { body: validReport({ name: '张三' }), expect: { name: /匿名反映/ } },
      { body: validReport({ ref: 'JB-1' }), expect: { ref: MESSAGES.ref } },
      { body: validReport({ extra: 1 }), expect: { extra: /extra/ } },
      {
        body: validReport({
          photos: [
            { name: 'a.jpg', type: 'image/jpeg', data: jpegBytes(100).toString('base64') },
            { name: 'b.jpg', type: 'image/jpeg', data: '!!not base64!!' },
          ],
        }),
        expect: { 'photos.1.data': MESSAGES.photoInvalid },
      },
      // Declared a JPEG, but the bytes are text: checked by the bytes.
      {
        body: validReport({
          photos: [
            { name: 'a.jpg', type: 'image/jpeg', data: Buffer.from('<svg onload=alert(1)>').toString('base64') },
          ],
        }),
        expect: { 'photos.0.data': MESSAGES.photoInvalid },
      },
      {
        body: validReport({ photos: [{ name: 'a.png', type: 'image/png', data: jpegBytes(100).toString('base64') }] }),
        expect: { 'photos.0.type': CHINESE },
      },
      { body: '{"water": ', expect: { '': /JSON/ } },
      { body: [validReport()], expect: { '': /JSON 对象/ } },
    ];
    for (const c of cases) {
      const r = await postJson(rcv.endpoint, c.body, client());
      const label = JSON.stringify(c.body).slice(0, 120);
      expect(r.status, label).toBe(400);
      const errors = r.body.errors as { path: string; message: string }[];
      for (const [path, message] of Object.entries(c.expect)) {
        const e = errors.find((x) => x.path === path);
        expect(e, `${label}: no error at "${path}" in ${JSON.stringify(errors)}`).toBeDefined();
        if (typeof message === 'string') expect(e!.message).toBe(message);
        else expect(e!.message).toMatch(message);
      }
      for (const e of errors) expect(e.message, `${label}: ${e.path}`).toMatch(CHINESE);
    }
    expect((await listReports(data)).length).toBe(before);
  });

  it('stores the same reference once: 200 with the first answer for the same content, 409 for other content', async () => {
    const report = validReport();
    const first = await postJson(rcv.endpoint, report, client());
    expect(first.status).toBe(201);
    const again = await postJson(rcv.endpoint, report, client());
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // The same content with its keys in another order is the same report.
    const reordered = Object.fromEntries(Object.entries(report).reverse());
    expect((await postJson(rcv.endpoint, reordered, client())).status).toBe(200);
    const changed = await postJson(
      rcv.endpoint,
      { ...report, description: '水面有一层油污，今天又多了很多死鱼' },
      client(),
    );
    expect(changed.status).toBe(409);
    expect(changed.body.error).toMatch(CHINESE);
    const rows = (await listReports(data)).filter((r) => r.ref === report.ref);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.description).toBe(report.description);
    expect(rows[0]!.received).toBe(first.body.received);
  });

  it('takes the same reference sent many times at once as one report', async () => {
    const report = validReport({
      photos: [{ name: 'a.jpg', type: 'image/jpeg', data: jpegBytes(3000, 7).toString('base64') }],
    });
    const answers = await Promise.all(Array.from({ length: 4 }, () => postJson(rcv.endpoint, report, client())));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 201]);
    for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
    const saved = (await listReports(data)).filter((r) => r.ref === report.ref);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.photos).toHaveLength(1);
    // Photos of the repeats that lost the race were removed, not left beside the database.
    const named = new Set((await listReports(data)).flatMap((r) => r.photos.map((p) => p.file.split('/').pop())));
    expect(readdirSync(join(data, 'photos')).filter((f) => !named.has(f))).toEqual([]);
  });
});

describe('who may send, how much and how', () => {
  it('answers the preflight for the site only, never with *, and refuses another origin with 403', async () => {
    const pre = await fetch(rcv.endpoint, {
      method: 'OPTIONS',
      headers: {
        Origin: SITE,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    const second = await fetch(rcv.endpoint, {
      method: 'OPTIONS',
      headers: { Origin: LOCAL_SITE, 'Access-Control-Request-Method': 'POST' },
    });
    expect(second.headers.get('access-control-allow-origin')).toBe(LOCAL_SITE);

    const evil = 'https://evil.example';
    const refused = await fetch(rcv.endpoint, {
      method: 'OPTIONS',
      headers: { Origin: evil, 'Access-Control-Request-Method': 'POST' },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const report = validReport();
    const post = await postJson(rcv.endpoint, report, { Origin: evil, ...client() });
    expect(post.status).toBe(403);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect(await stored(report.ref as string)).toBeUndefined();

    const fromSite = await postJson(rcv.endpoint, validReport(), { Origin: SITE, ...client() });
    expect(fromSite.status).toBe(201);
    expect(fromSite.headers.get('access-control-allow-origin')).toBe(SITE);
    // A 400 carries the header too, so the page can read which field is wrong.
    const bad = await postJson(rcv.endpoint, validReport({ place: '' }), { Origin: SITE, ...client() });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe(SITE);
  });

  it(`answers 429 after ${RATE} reports from one address in an hour, and still takes other addresses`, async () => {
    const me = client();
    for (let i = 0; i < RATE; i++) expect((await postJson(rcv.endpoint, validReport(), me)).status).toBe(201);
    const report = validReport();
    const over = await postJson(rcv.endpoint, report, me);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.body.error).toMatch(CHINESE);
    expect(await stored(report.ref as string)).toBeUndefined();
    expect((await postJson(rcv.endpoint, validReport(), client())).status).toBe(201);
  });

  it('ignores X-Forwarded-For unless started with --trust-proxy', async () => {
    const other = await startReceiver({
      data: join(tempDir('receiver-xff-'), 'data'),
      origins: [SITE],
      args: ['--rate', '2'],
    });
    try {
      expect((await postJson(other.endpoint, validReport(), { 'X-Forwarded-For': '203.0.113.1' })).status).toBe(201);
      expect((await postJson(other.endpoint, validReport(), { 'X-Forwarded-For': '203.0.113.2' })).status).toBe(201);
      // A different claimed address, but the same socket address: limited.
      expect((await postJson(other.endpoint, validReport(), { 'X-Forwarded-For': '203.0.113.3' })).status).toBe(429);
    } finally {
      await other.stop();
    }
  });

  it('answers 413 for a body over --max-body, whether its length is declared or not, and stores nothing', async () => {
    const big = validReport({
      photos: [{ name: 'a.jpg', type: 'image/jpeg', data: jpegBytes(MAX_BODY).toString('base64') }],
    });
    const r = await postJson(rcv.endpoint, big, client());
    expect(r.status).toBe(413);
    expect(r.body.error).toMatch(CHINESE);
    const text = JSON.stringify(big);
    const chunked = await fetch(rcv.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...client() },
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < text.length; i += 65536) c.enqueue(new TextEncoder().encode(text.slice(i, i + 65536)));
          c.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await stored(big.ref as string)).toBeUndefined();
    // The connection is still good for the next report.
    expect((await postJson(rcv.endpoint, validReport(), client())).status).toBe(201);
  });

  it('answers 415 for any other content type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const res = await fetch(rcv.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': type, ...client() },
        body: JSON.stringify(validReport()),
      });
      expect(res.status, type).toBe(415);
    }
  });

  it('stores nothing a filled honeypot sends, and answers as if it had (JSON and form)', async () => {
    const before = (await listReports(data)).length;
    const report = validReport({ website: 'https://spam.example' });
    const r = await postJson(rcv.endpoint, report, client());
    expect(r.status).toBe(201);
    expect(r.body.ref).toBe(report.ref);
    const form = new FormData();
    for (const [k, v] of Object.entries(validReport({ website: 'spam' }))) form.set(k, String(v));
    const f = await fetch(rcv.endpoint, { method: 'POST', body: form, headers: client() });
    expect(f.status).toBe(201);
    expect(await f.text()).toContain('受理编号');
    expect((await listReports(data)).length).toBe(before);
    // An empty honeypot, as people leave it, is no obstacle.
    expect((await postJson(rcv.endpoint, validReport({ website: '' }), client())).status).toBe(201);
  });
});

describe('the form without JavaScript (multipart/form-data)', () => {
  /** The fields the plain form posts, as /report/ sends them. */
  function plainForm(extra: Record<string, string> = {}, photos: Blob[] = []): FormData {
    const f = new FormData();
    const fields = {
      water: 'qingxi-he',
      place: '青石桥下游约100米左岸',
      lat: '',
      lon: '',
      category: 'garbage',
      description: '岸边堆着很多生活垃圾，有的已经漂到水里',
      seen_date: '2026-10-29',
      seen_time: '',
      contact: 'anonymous',
      website: '',
      ...extra,
    };
    for (const [k, v] of Object.entries(fields)) f.append(k, v);
    if (photos.length === 0) f.append('photos', new File([], '', { type: 'application/octet-stream' })); // an empty file input
    for (const [i, p] of photos.entries()) f.append('photos', p, `IMG_${i}.jpg`);
    return f;
  }

  it('answers 201 with a page that shows the reference it made and links back to the site', async () => {
    const photo = jpegBytes(8000, 3);
    const res = await fetch(rcv.endpoint, {
      method: 'POST',
      body: plainForm({}, [new Blob([photo])]),
      headers: { Origin: LOCAL_SITE, ...client() },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    const ref = /JB-\d{8}-[2-9A-HJ-NP-Z]{6}/.exec(html)?.[0];
    expect(ref).toBeDefined();
    expect(html).toContain('受理编号');
    expect(html).toContain(`${LOCAL_SITE}/track/?ref=${ref}`);
    const saved = await stored(ref!);
    expect(saved).toMatchObject({ category: 'garbage', contact: 'anonymous' });
    expect(saved!.photos.map((p) => sha(readFileSync(p.file)))).toEqual([sha(photo)]);
  });

  it('names a water typed on a large site as unknown plus its name, and keeps the named form’s contact', async () => {
    const res = await fetch(rcv.endpoint, {
      method: 'POST',
      body: plainForm({
        water: '',
        water_name: '村东头的小河沟',
        contact: 'named',
        name: '李四',
        phone: '139 0000 1111',
        consent: 'on',
      }),
      headers: client(),
    });
    expect(res.status).toBe(201);
    const ref = /JB-\d{8}-[2-9A-HJ-NP-Z]{6}/.exec(await res.text())![0];
    const show = await reportsCli(['show', ref, '--data', data]);
    expect(show.code, show.output).toBe(0);
    expect(show.stdout).toContain('_unknown（村东头的小河沟）');
    expect(show.stdout).toContain('李四，电话 13900001111');
  });

  it('answers 400 with a page naming each field to correct, a photo that is no image among them', async () => {
    const res = await fetch(rcv.endpoint, {
      method: 'POST',
      body: plainForm({ place: '', contact: 'named' }, [new Blob(['%PDF-1.7 not a photo'])]),
      headers: client(),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('具体位置');
    expect(html).toContain(MESSAGES.placeMissing);
    expect(html).toContain(MESSAGES.phoneMissing);
    expect(html).toContain('照片（第 1 张）');
    expect(html).toContain(MESSAGES.photoNotImage);
  });
});

describe('nothing acknowledged is lost', () => {
  it('a kill -9 during a burst of 200 concurrent submissions loses no acknowledged report', async () => {
    const dir = join(tempDir('receiver-crash-'), 'data');
    const first = await startReceiver({ data: dir, origins: [SITE], args: ['--rate', '0'] });
    const reports = Array.from({ length: 200 }, (_, i) =>
      validReport(
        i % 3 === 0
          ? { photos: [{ name: 'p.jpg', type: 'image/jpeg', data: jpegBytes(20_000, i).toString('base64') }] }
          : { description: `第${i}份：水面有一层油污，闻起来有柴油味` },
      ),
    );
    const acknowledged: string[] = [];
    let answered = 0;
    let killed: Promise<void> | undefined;
    const outcomes = await Promise.all(
      reports.map(async (r) => {
        try {
          const res = await postJson(first.endpoint, r);
          answered++;
          if (res.status === 201 || res.status === 200) acknowledged.push(res.body.ref);
          if (answered === 40) killed = first.kill9();
          return res.status;
        } catch {
          return 'no answer';
        }
      }),
    );
    await killed;
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    // The kill came in the middle of the burst: some requests got no answer.
    expect(outcomes.filter((o) => o === 'no answer').length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => typeof o === 'number' && o !== 201)).toEqual([]);

    // The database opens cleanly and holds every acknowledged report, photos included.
    expect(integrityCheck(dir)).toBe('ok');
    const second = await startReceiver({ data: dir, origins: [SITE] });
    try {
      expect((await fetch(`${second.origin}/health`)).status).toBe(200);
      const after = new Map((await listReports(dir)).map((r) => [r.ref, r]));
      for (const ref of acknowledged) {
        const saved = after.get(ref);
        expect(saved, ref).toBeDefined();
        const sent = reports.find((r) => r.ref === ref)! as { photos?: { data: string }[] };
        expect(saved!.photos.length).toBe(sent.photos?.length ?? 0);
        for (const [i, p] of saved!.photos.entries())
          expect(sha(readFileSync(p.file))).toBe(sha(Buffer.from(sent.photos![i]!.data, 'base64')));
      }
      // Photos written for reports that were never committed were cleared at the restart.
      const named = new Set([...after.values()].flatMap((r) => r.photos.map((p) => p.file.split('/').pop())));
      expect(readdirSync(join(dir, 'photos')).filter((f) => !named.has(f))).toEqual([]);
      // An unanswered report sent again is taken (201) or recognised (200), never lost or doubled.
      const retry = reports.find((r) => !acknowledged.includes(r.ref as string))!;
      expect([200, 201]).toContain((await postJson(second.endpoint, retry)).status);
      expect((await listReports(dir)).filter((r) => r.ref === retry.ref)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  }, 120_000);
});

describe('starting it', () => {
  it('exits non-zero with a clear message when the port is taken, the directory cannot be written or the origin is missing', async () => {
    const taken = await runReceiverToExit([
      '--data',
      join(tempDir('receiver-port-'), 'd'),
      '--origin',
      SITE,
      '--port',
      String(rcv.port),
    ]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(`port already in use: 127.0.0.1:${rcv.port}`);

    const file = join(tempDir('receiver-file-'), 'a-file');
    writeFileSync(file, 'not a directory');
    const unwritable = await runReceiverToExit(['--data', join(file, 'data'), '--origin', SITE, '--port', '0']);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain('data directory is not writable');

    const noOrigin = await runReceiverToExit(['--data', join(tempDir('receiver-o-'), 'd'), '--port', '0']);
    expect(noOrigin.code).toBe(2);
    expect(noOrigin.stderr).toContain('--origin');
  });

  it('takes its settings from the environment, flags winning', async () => {
    const port = await freePort();
    const r = await startReceiver({
      data: join(tempDir('receiver-env-'), 'd'),
      origins: [SITE],
      port,
      env: { RECEIVER_PORT: String(rcv.port), RECEIVER_ORIGIN: 'https://other.example' },
    });
    try {
      expect(r.port).toBe(port);
      const pre = await fetch(r.endpoint, {
        method: 'OPTIONS',
        headers: { Origin: SITE, 'Access-Control-Request-Method': 'POST' },
      });
      expect(pre.status).toBe(204);
      expect(
        (await fetch(r.endpoint, { method: 'OPTIONS', headers: { Origin: 'https://other.example' } })).status,
      ).toBe(403);
    } finally {
      await r.stop();
    }
  });
});

describe('the office’s commands', () => {
  it('list shows the newest first; show prints one report with the contact details', async () => {
    const named = validReport({ contact: 'named', name: '王五', phone: '13700002222', consent: true });
    expect((await postJson(rcv.endpoint, named, client())).status).toBe(201);
    const list = await listReports(data);
    expect(list[0]!.ref).toBe(named.ref);
    for (const r of list) for (const k of ['ref', 'received', 'water', 'category']) expect(r, k).toHaveProperty(k);
    expect(list.map((r) => r.received)).toEqual([...list.map((r) => r.received)].sort().reverse());
    const show = await reportsCli(['show', named.ref as string, '--data', data]);
    expect(show.code, show.output).toBe(0);
    expect(show.stdout).toContain('王五，电话 13700002222');
    const missing = await reportsCli(['show', testRef(), '--data', data]);
    expect(missing.code).toBe(1);
  });

  it('export writes the reports as ledger rows for `npm run import`, without name or phone; --since takes up after a reference or a date', async () => {
    const out = join(tempDir('receiver-export-'), 'reports.xlsx');
    const r = await reportsCli(['export', '--data', data, '--out', out]);
    expect(r.code, r.output).toBe(0);
    const all = await listReports(data);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet(TABLES.cases.title)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toEqual(Object.values(TABLES.cases.columns).map((c) => c.zh[0]));
    const col = (zh: string) => header.indexOf(zh) + 1;
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
    });
    expect(rows.map((x) => x['举报受理编号'])).toEqual(all.map((x) => x.ref).reverse());
    const one = rows.find((x) => x['举报受理编号'] === all.at(-1)!.ref)!;
    expect(String(one['问题'])).toContain('青石桥下游约100米左岸');
    expect(one['水体编码']).toBe('qingxi-he');
    for (const empty of ['问题编号', '区划代码', '责任单位', '整改时限']) expect(one[empty] ?? '', empty).toBe('');
    expect(col('发现日期')).toBeGreaterThan(0);
    // No name or phone anywhere in the workbook.
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    const text = cells.join('\n');
    for (const secret of ['王五', '13700002222', '李四', '13900001111']) expect(text).not.toContain(secret);

    const since = all[2]!.ref; // the third newest
    const later = join(tempDir('receiver-export-'), 'later.xlsx');
    const s = await reportsCli(['export', '--data', data, '--out', later, '--since', since]);
    expect(s.code, s.output).toBe(0);
    expect(s.stdout).toContain(`--since ${all[0]!.ref}`); // how the next export takes up
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(later);
    const refs: unknown[] = [];
    wb2
      .getWorksheet(TABLES.cases.title)!
      .eachRow((row, n) => n > 1 && refs.push(row.getCell(col('举报受理编号')).value));
    expect(refs).toEqual([all[1]!.ref, all[0]!.ref]);
    const none = await reportsCli([
      'export',
      '--data',
      data,
      '--out',
      join(tempDir('receiver-export-'), 'none.xlsx'),
      '--since',
      all[0]!.ref,
    ]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('没有新的反映');
    const today = new Date();
    const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const byDate = await reportsCli([
      'export',
      '--data',
      data,
      '--out',
      join(tempDir('receiver-export-'), 'today.xlsx'),
      '--since',
      date,
    ]);
    expect(byDate.stdout).toContain(`已导出 ${all.length} 条反映`);
    const unknown = await reportsCli([
      'export',
      '--data',
      data,
      '--out',
      join(tempDir('receiver-export-'), 'x.xlsx'),
      '--since',
      testRef(),
    ]);
    expect(unknown.code).toBe(1);
  });

  it('backup writes a consistent copy of the database while the receiver runs', async () => {
    const file = join(tempDir('receiver-backup-'), 'copy.sqlite');
    const r = await reportsCli(['backup', '--data', data, '--out', file]);
    expect(r.code, r.output).toBe(0);
    const copy = new DatabaseSync(file, { readOnly: true });
    try {
      expect((copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
      expect((copy.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n).toBe(
        (await listReports(data)).length,
      );
    } finally {
      copy.close();
    }
    expect((await reportsCli(['backup', '--data', data, '--out', file])).code).toBe(1); // never overwrites
  });

  it('forget-contact erases a name and phone; delete removes a report and its photos', async () => {
    const named = validReport({
      contact: 'named',
      name: '赵六',
      phone: '13600003333',
      consent: true,
      photos: [{ name: 'a.jpg', type: 'image/jpeg', data: jpegBytes(4000, 9).toString('base64') }],
    });
    expect((await postJson(rcv.endpoint, named, client())).status).toBe(201);
    const ref = named.ref as string;
    expect((await reportsCli(['forget-contact', ref, '--data', data])).code).toBe(0);
    const after = await stored(ref);
    expect(after!.name).toBeUndefined();
    expect(after!.phone).toBeUndefined();
    const file = after!.photos[0]!.file;
    expect(existsSync(file)).toBe(true);
    expect((await reportsCli(['delete', ref, '--data', data])).code).toBe(0);
    expect(await stored(ref)).toBeUndefined();
    expect(existsSync(file)).toBe(false);
    // Gone from the database's files themselves, not only from the list.
    for (const f of ['reports.sqlite', 'reports.sqlite-wal']) {
      const bytes = existsSync(join(data, f)) ? readFileSync(join(data, f)) : Buffer.alloc(0);
      expect(bytes.includes(Buffer.from('13600003333')), f).toBe(false);
    }
  });
});
