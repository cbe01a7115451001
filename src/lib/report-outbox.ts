/**
 * The outbox of reports that could not reach site.yaml report.endpoint
 * (no signal, or no answer in time): what is kept for each, and what an
 * answer means for it. Pure: the IndexedDB store and the sending are in
 * src/scripts/report/outbox.ts, which the page and the service worker
 * (src/sw/worker.ts) share.
 *
 * A queued report is sent again exactly as it was built, with the same
 * reference (`ref`): the receiver's interface makes that the idempotency
 * key (the same ref with the same body is stored once and answered 200
 * with the first answer), so a send that arrived but whose answer was
 * lost, or two senders (the page and Background Sync) racing, never
 * store it twice.
 */

/** What the endpoint confirmed: the reference it stored the report under, and when. */
export interface Receipt {
  ref: string;
  received?: string;
}

export interface OutboxEntry {
  /** The reference the body carries now: the store's key. */
  ref: string;
  /** The reference of the draft the report was made from (the draft number the page showed). */
  draftRef: string;
  endpoint: string;
  /** The JSON body exactly as it is sent. */
  body: string;
  /** When it was queued (ISO). */
  queued: string;
  /**
   * queued: waiting for a connection; sent: the endpoint stored it
   * (receipt); refused: the endpoint answered that it will not take it
   * (status); conflict: the reference already holds another report (409)
   * and only the page can make a new one.
   */
  state: 'queued' | 'sent' | 'refused' | 'conflict';
  receipt?: Receipt;
  status?: number;
}

/** A reference as an endpoint may make it: letters, digits and dashes. */
const REF_LIKE = /^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/;

/** The receipt in a 2xx answer's JSON body, when it names a reference. */
export function receiptOf(body: unknown): Receipt | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { ref, received } = body as Record<string, unknown>;
  if (typeof ref !== 'string' || !REF_LIKE.test(ref)) return undefined;
  return { ref, received: typeof received === 'string' ? received : undefined };
}

/** What an attempt's answer (an HTTP status, or `network` when none came) means for a queued report. */
export function outcomeOf(status: number | 'network'): 'sent' | 'retry' | 'conflict' | 'refused' {
  if (status === 'network' || status === 408 || status === 429 || status >= 500) return 'retry';
  if (status >= 200 && status < 300) return 'sent';
  return status === 409 ? 'conflict' : 'refused';
}

/** The entry after an attempt; the receipt falls back to the entry's own reference when the answer names none. */
export function settle(entry: OutboxEntry, status: number | 'network', receipt?: Receipt): OutboxEntry {
  const outcome = outcomeOf(status);
  if (outcome === 'retry') return entry;
  // Once stored, the body (which may hold a name, a phone number, photos) is not kept on the device.
  if (outcome === 'sent')
    return { ...entry, state: 'sent', body: '', receipt: receipt ?? { ref: entry.ref }, status: undefined };
  return { ...entry, state: outcome, status: status as number };
}

/** The same report under a new reference (after a 409), queued again. */
export function renew(entry: OutboxEntry, ref: string): OutboxEntry {
  const body = JSON.parse(entry.body) as Record<string, unknown>;
  return { ...entry, ref, body: JSON.stringify({ ...body, ref }), state: 'queued', status: undefined };
}

/** The entries still to send, oldest first; with `canRenew` (a sender that can make a new reference) also those in conflict. */
export const pending = (entries: readonly OutboxEntry[], canRenew = false): OutboxEntry[] =>
  entries
    .filter((e) => e.state === 'queued' || (canRenew && e.state === 'conflict'))
    .sort((a, b) => a.queued.localeCompare(b.queued));

/**
 * The entry a page should report for the draft whose reference is
 * `draftRef`: a queued report keeps the draft number until the endpoint
 * answers; once sent it is the receipt.
 */
export const entryForDraft = (
  entries: readonly OutboxEntry[],
  draftRef: string | undefined,
): OutboxEntry | undefined =>
  draftRef === undefined ? undefined : entries.find((e) => e.draftRef === draftRef || e.ref === draftRef);
