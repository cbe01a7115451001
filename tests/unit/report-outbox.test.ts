import { describe, expect, it } from 'vitest';
import {
  entryForDraft,
  outcomeOf,
  pending,
  receiptOf,
  renew,
  settle,
  type OutboxEntry,
} from '../../src/lib/report-outbox.ts';

const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  ref: 'JB-20261030-7XK2PA',
  draftRef: 'JB-20261030-7XK2PA',
  endpoint: 'https://hzz.example.org/reports',
  body: JSON.stringify({ ref: 'JB-20261030-7XK2PA', water: 'qingxi-he', phone: '0000-1234567' }),
  queued: '2026-10-30T06:30:00.000Z',
  state: 'queued',
  ...over,
});

describe('outbox: what an answer means for a queued report', () => {
  it('waits on no answer, a timeout, too many requests and server errors', () => {
    for (const s of ['network', 408, 429, 500, 503] as const) expect(outcomeOf(s)).toBe('retry');
  });
  it('is sent on 2xx (201 stored, 200 the same report stored before), refused on 400/403/413/415, in conflict on 409', () => {
    expect(outcomeOf(201)).toBe('sent');
    expect(outcomeOf(200)).toBe('sent');
    for (const s of [400, 403, 413, 415]) expect(outcomeOf(s)).toBe('refused');
    expect(outcomeOf(409)).toBe('conflict');
  });

  it('keeps a waiting report unchanged', () => {
    const e = entry();
    expect(settle(e, 'network')).toBe(e);
    expect(settle(e, 503)).toBe(e);
  });

  it('keeps the receiver’s 受理编号 once sent, and drops the body with its personal data', () => {
    const sent = settle(entry(), 201, { ref: 'JB-20261030-7XK2PA', received: '2026-10-30T07:00:00Z' });
    expect(sent).toMatchObject({
      state: 'sent',
      body: '',
      receipt: { ref: 'JB-20261030-7XK2PA', received: '2026-10-30T07:00:00Z' },
    });
    expect(JSON.stringify(sent)).not.toContain('0000-1234567');
    // An endpoint that names no reference confirmed the one sent.
    expect(settle(entry(), 200).receipt).toEqual({ ref: 'JB-20261030-7XK2PA' });
  });

  it('records a refusal with its status', () => {
    expect(settle(entry(), 400)).toMatchObject({ state: 'refused', status: 400 });
    expect(settle(entry(), 409)).toMatchObject({ state: 'conflict', status: 409 });
  });

  it('renews a report under a new reference: body and key change, the draft it came from does not', () => {
    const r = renew(settle(entry(), 409), 'JB-20261030-ABCDEF');
    expect(r).toMatchObject({
      ref: 'JB-20261030-ABCDEF',
      draftRef: 'JB-20261030-7XK2PA',
      state: 'queued',
      status: undefined,
    });
    expect(JSON.parse(r.body)).toEqual({ ref: 'JB-20261030-ABCDEF', water: 'qingxi-he', phone: '0000-1234567' });
  });
});

describe('outbox: bookkeeping', () => {
  it('sends the waiting reports oldest first and nothing settled', () => {
    const a = entry({ ref: 'A-1', queued: '2026-10-30T08:00:00Z' });
    const b = entry({ ref: 'B-1', queued: '2026-10-30T07:00:00Z' });
    const c = entry({ ref: 'C-1', state: 'sent' });
    const d = entry({ ref: 'D-1', state: 'conflict' });
    expect(pending([a, c, b, d]).map((e) => e.ref)).toEqual(['B-1', 'A-1']);
    // A report in conflict waits for a sender that can give it a new reference (the page, not the worker).
    expect(pending([a, c, b, d], true).map((e) => e.ref)).toEqual(['D-1', 'B-1', 'A-1']);
  });

  it('finds the entry of a draft by the draft number, also after a new reference', () => {
    const renewed = entry({ ref: 'JB-20261030-ABCDEF' });
    expect(entryForDraft([entry({ ref: 'X-1', draftRef: 'X-1' }), renewed], 'JB-20261030-7XK2PA')).toBe(renewed);
    expect(entryForDraft([renewed], undefined)).toBeUndefined();
    expect(entryForDraft([renewed], 'JB-20261031-ZZZZZZ')).toBeUndefined();
  });

  it('reads a receipt only when it names a reference', () => {
    expect(receiptOf({ ref: 'JB-20261030-7XK2PA', received: '2026-10-30T07:00:00Z' })).toEqual({
      ref: 'JB-20261030-7XK2PA',
      received: '2026-10-30T07:00:00Z',
    });
    expect(receiptOf({ ref: 'JB-1', received: 5 })).toEqual({ ref: 'JB-1', received: undefined });
    for (const bad of [null, [], 'JB-1', { ref: '<script>' }, { ref: 12 }, {}]) expect(receiptOf(bad)).toBeUndefined();
  });
});
