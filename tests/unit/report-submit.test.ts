/**
 * Sending a report (src/scripts/report/submit.ts) with a stand-in fetch:
 * retries with backoff for what may pass, none for what will not, a
 * timeout per attempt, and no retries while the browser is offline.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { failureText, fieldErrors, sendReport } from '../../src/scripts/report/submit.ts';

const FAST = { backoff: [1, 1], timeout: 50 };
let online = true;

beforeEach(() => {
  online = true;
  vi.stubGlobal('navigator', {
    get onLine() {
      return online;
    },
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A fetch that answers each call with the next status (a number), throws (an Error), or never answers ('hang'). */
function fakeFetch(...answers: (number | Error | 'hang')[]) {
  const calls: RequestInit[] = [];
  const fn = vi.fn((_url: string, init: RequestInit) => {
    calls.push(init);
    const a = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    if (a === 'hang')
      return new Promise<Response>((_, reject) =>
        init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    if (a instanceof Error) return Promise.reject(a);
    return Promise.resolve(new Response('', { status: a }));
  });
  vi.stubGlobal('fetch', fn);
  return { fn, calls };
}

describe('sendReport', () => {
  it('POSTs the JSON once when the endpoint answers 2xx', async () => {
    const { calls } = fakeFetch(201);
    expect(await sendReport('https://x.test/r', '{"a":1}', FAST)).toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: 'POST',
      body: '{"a":1}',
      headers: { 'Content-Type': 'application/json' },
    });
  });

  it('retries a server error and a network failure, then succeeds', async () => {
    const { calls } = fakeFetch(503, new TypeError('Failed to fetch'), 200);
    const seen: number[] = [];
    expect(await sendReport('https://x.test/r', '{}', { ...FAST, onAttempt: (n) => seen.push(n) })).toEqual({
      ok: true,
    });
    expect(calls).toHaveLength(3);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('gives up after the last attempt and says why', async () => {
    fakeFetch(500);
    const r = await sendReport('https://x.test/r', '{}', FAST);
    expect(r).toEqual({ ok: false, reason: 'server', status: 500 });
    if (!r.ok) expect(failureText(r)).toContain('500');
  });

  it('does not retry a report the server refused (4xx other than 408/429)', async () => {
    const { calls } = fakeFetch(422);
    expect(await sendReport('https://x.test/r', '{}', FAST)).toEqual({ ok: false, reason: 'rejected', status: 422 });
    expect(calls).toHaveLength(1);
  });

  it('retries 429 Too Many Requests', async () => {
    const { calls } = fakeFetch(429, 200);
    expect((await sendReport('https://x.test/r', '{}', FAST)).ok).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('cuts off an attempt that takes too long', async () => {
    const { calls } = fakeFetch('hang');
    const r = await sendReport('https://x.test/r', '{}', FAST);
    expect(r).toEqual({ ok: false, reason: 'timeout' });
    expect(calls).toHaveLength(3);
    if (!r.ok) expect(failureText(r)).toContain('超时');
  });

  it('stops at once while the browser is offline', async () => {
    online = false;
    const { calls } = fakeFetch(new TypeError('Failed to fetch'));
    const r = await sendReport('https://x.test/r', '{}', FAST);
    expect(r).toEqual({ ok: false, reason: 'offline' });
    expect(calls).toHaveLength(1);
    if (!r.ok) expect(failureText(r)).toContain('网络');
  });

  it('allows more time for a bigger report by default', async () => {
    vi.useFakeTimers();
    try {
      fakeFetch('hang');
      const body = 'x'.repeat(500_000); // 20 s + 10 s
      let done = false;
      const p = sendReport('https://x.test/r', body, { attempts: 1 }).then((r) => ((done = true), r));
      await vi.advanceTimersByTimeAsync(29_000);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1_500);
      expect(await p).toEqual({ ok: false, reason: 'timeout' });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('what the endpoint answers', () => {
  const answer = (status: number, body: unknown, type = 'application/json') =>
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(typeof body === 'string' ? body : JSON.stringify(body), {
            status,
            headers: { 'Content-Type': type },
          }),
        ),
      ),
    );

  it('reads the reference and time the receiver stored the report under', async () => {
    answer(201, { ref: 'JB-20261206-K7Q2MZ', received: '2026-12-06T07:44:16.000Z' });
    expect(await sendReport('https://x.test/r', '{}', FAST)).toEqual({
      ok: true,
      receipt: { ref: 'JB-20261206-K7Q2MZ', received: '2026-12-06T07:44:16.000Z' },
    });
  });

  it('has no receipt when the answer names no usable reference', async () => {
    for (const body of ['', '{"ok":true}', '{"ref":"<img src=x onerror=alert(1)>"}', '{"ref":""}', '[1]', 'not json']) {
      answer(200, body);
      expect(await sendReport('https://x.test/r', '{}', FAST), body).toEqual({ ok: true });
    }
    answer(200, { ref: 'JB-20261206-K7Q2MZ' }, 'text/html');
    expect(await sendReport('https://x.test/r', '{}', FAST)).toEqual({ ok: true });
  });

  it('reads the field errors of a 400', async () => {
    answer(400, { errors: [{ path: 'place', message: '请填写问题所在的位置' }, { nonsense: true }] });
    expect(await sendReport('https://x.test/r', '{}', FAST)).toEqual({
      ok: false,
      reason: 'rejected',
      status: 400,
      errors: [{ path: 'place', message: '请填写问题所在的位置' }],
    });
    answer(409, { error: '受理编号已用于另一份内容不同的反映' });
    expect(await sendReport('https://x.test/r', '{}', FAST)).toEqual({ ok: false, reason: 'rejected', status: 409 });
  });
});

describe('fieldErrors', () => {
  it('puts each error of a 400 at the form field it is about, the first message per field, in the order of the page', () => {
    expect(
      fieldErrors([
        { path: 'photos.1.data', message: '第2张照片无法读取' },
        { path: 'lat', message: '坐标不对' },
        { path: 'water_name', message: '河湖名称太长' },
        { path: 'photos.0.type', message: '只能添加照片' },
      ]),
    ).toEqual([
      { field: 'water', message: '河湖名称太长' },
      { field: 'geo', message: '坐标不对' },
      { field: 'photos', message: '第2张照片无法读取' },
    ]);
  });

  it('gives null when an error is about something the form does not ask, so the page offers the other channels', () => {
    expect(
      fieldErrors([
        { path: 'place', message: '请写具体一些' },
        { path: '', message: '无法处理' },
      ]),
    ).toBeNull();
    expect(fieldErrors([{ path: 'ref', message: '编号格式不对' }])).toBeNull();
  });
});
