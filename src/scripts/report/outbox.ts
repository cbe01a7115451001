/**
 * The outbox in IndexedDB (database `hz-report-outbox`, one store keyed by
 * `ref`) and its sending, shared by the report page, /track/ and the
 * service worker's Background Sync (src/sw/worker.ts): no DOM here, only
 * what a worker has too. What an answer means is src/lib/report-outbox.ts.
 *
 * Sends run under a Web Lock where the browser has one, so the page and
 * the worker do not send the same report at the same moment; where it has
 * none, the receiver's idempotency on `ref` still stores it once.
 */
import { pending, receiptOf, renew, settle, type OutboxEntry } from '../../lib/report-outbox.ts';
import { openStore } from '../idb.ts';

const DB_NAME = 'hz-report-outbox';
const STORE = 'reports';
/** The Background Sync tag and the Web Lock's name. */
export const OUTBOX_TAG = 'hz-report-outbox';

const open = () => openStore(DB_NAME, STORE, 'ref');

async function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  const db = await open();
  if (!db) return undefined;
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(STORE, mode);
      const req = op(tx.objectStore(STORE));
      // Resolve once committed, so a reader right after sees the write.
      tx.oncomplete = () => (db.close(), resolve(req.result));
      tx.onerror = tx.onabort = () => (db.close(), resolve(undefined));
    } catch {
      db.close();
      resolve(undefined);
    }
  });
}

export const outboxEntries = async (): Promise<OutboxEntry[]> =>
  (await run('readonly', (s) => s.getAll() as IDBRequest<OutboxEntry[]>)) ?? [];
/** Keep (or replace) an entry; false when IndexedDB refused it (the report is then not queued). */
export const putEntry = async (e: OutboxEntry): Promise<boolean> =>
  (await run('readwrite', (s) => s.put(e))) !== undefined;
export const removeEntry = (ref: string) => run('readwrite', (s) => s.delete(ref));

/** Run `fn` alone among the site's pages and worker where Web Locks exist. */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request(OUTBOX_TAG, fn) as Promise<T>) : fn();
}

async function attempt(e: OutboxEntry): Promise<OutboxEntry> {
  try {
    const res = await fetch(e.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: e.body,
      credentials: 'omit',
    });
    let receipt;
    if (res.ok && /json/i.test(res.headers.get('content-type') ?? ''))
      receipt = receiptOf(await res.json().catch(() => null));
    return settle(e, res.status, receipt);
  } catch {
    return settle(e, 'network');
  }
}

/**
 * Send every queued report once, oldest first, and keep what each answer
 * says. `newRef` (the page's) sends a report whose reference the endpoint
 * already holds with other content under a new one; without it (the
 * worker) such a report waits for the page. Returns whether reports are
 * still waiting for a connection.
 */
export function flushOutbox(newRef?: () => string): Promise<boolean> {
  return exclusive(async () => {
    let waiting = false;
    for (const queued of pending(await outboxEntries(), !!newRef)) {
      let e = queued.state === 'conflict' ? queued : await attempt(queued);
      // Without newRef (the worker) a conflict is kept as such, for the page to renew.
      if (e.state === 'conflict' && newRef) e = await attempt(renew(e, newRef()));
      if (e.state === 'queued') waiting = true;
      // Kept when settled, or when it now waits under a new reference (which replaces the old key).
      if (e.state !== 'queued' || e.ref !== queued.ref) await putEntry(e);
      if (e.ref !== queued.ref) await removeEntry(queued.ref);
    }
    return waiting;
  });
}

/** Ask the service worker to send the outbox when the connection is back (Background Sync); false where there is none. */
export async function requestSync(): Promise<boolean> {
  try {
    const reg = await navigator.serviceWorker?.getRegistration();
    const sync = (reg as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)
      ?.sync;
    if (!sync) return false;
    await sync.register(OUTBOX_TAG);
    return true;
  } catch {
    return false;
  }
}
