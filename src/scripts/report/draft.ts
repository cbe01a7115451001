/**
 * The draft of a report, kept in the browser until a submission is
 * confirmed: the text fields in localStorage (written as the person types),
 * the resized photos in IndexedDB (blobs are too big for localStorage). Both
 * survive a reload, a closed tab and going offline. When storage is refused
 * (private mode, full disk) the form still works; only the draft is lost.
 *
 * What is kept is limited (lib/report-draft.ts draftValues): no name, phone,
 * consent or coordinates unless "named" is chosen, and nothing past
 * DRAFT_DAYS after the last change: openDraft deletes an older draft, text
 * and photos, instead of restoring it. The draft is also deleted after the
 * endpoint confirmed the report and when the person says they sent it by
 * another channel (clearDraft).
 */
import { draftExpired, draftValues } from '../../lib/report-draft.ts';
import { openStore } from '../idb.ts';

const TEXT_KEY = 'hz-report-draft:v1';
const DB_NAME = 'hz-report';
const STORE = 'photos';

export interface TextDraft {
  /** Form values by field name (radios: the checked value; checkbox: 'on'). */
  values: Record<string, string>;
  /** Reference number, once one was made: the same for every retry and channel. */
  ref?: string;
  /** When it was last saved (ISO). */
  saved: string;
}

function loadText(): TextDraft | null {
  try {
    const raw = localStorage.getItem(TEXT_KEY);
    const d = raw ? (JSON.parse(raw) as TextDraft) : null;
    return d && typeof d.values === 'object' && d.values !== null ? d : null;
  } catch {
    return null;
  }
}

function writeText(draft: TextDraft): void {
  try {
    localStorage.setItem(TEXT_KEY, JSON.stringify({ ...draft, values: draftValues(draft.values) } satisfies TextDraft));
  } catch {
    /* storage refused: nothing to keep it in */
  }
}

/** Keep the form's values (only those draftValues allows) and the reference, saved now. */
export const saveText = (values: Record<string, string>, ref?: string): void =>
  writeText({ values, ref, saved: new Date().toISOString() });

export interface OpenedDraft {
  /** The draft to restore, or null. */
  text: TextDraft | null;
  /** A draft was found past DRAFT_DAYS and deleted. */
  expired: boolean;
  /** Settles once expired or orphaned photos are deleted: load photos only after it. */
  ready: Promise<void>;
}

/**
 * The saved draft, checked on page load. One last saved more than
 * DRAFT_DAYS ago is deleted with its photos, not restored. Photos without
 * any text draft (its text was refused by storage or removed) belong to no
 * report the page could restore, and are deleted too.
 */
export function openDraft(now: number = Date.now()): OpenedDraft {
  const text = loadText();
  if (text && draftExpired(text.saved, now)) return { text: null, expired: true, ready: clearDraft() };
  if (!text) return { text: null, expired: false, ready: run('readwrite', (s) => s.clear()).then(() => undefined) };
  // A draft written before these limits may still hold a name while anonymous: drop it now (its time unchanged).
  const values = draftValues(text.values);
  if (Object.keys(values).length !== Object.keys(text.values).length) writeText({ ...text, values });
  return { text: { ...text, values }, expired: false, ready: Promise.resolve() };
}

export interface StoredPhoto {
  id: string;
  name: string;
  blob: Blob;
}

let opening: Promise<IDBDatabase | null> | null = null;

function db(): Promise<IDBDatabase | null> {
  opening ??= openStore(DB_NAME, STORE, 'id');
  return opening;
}

/** Run one request in a transaction on the photo store; undefined when IndexedDB is unavailable. */
async function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  const d = await db();
  if (!d) return undefined;
  return new Promise((resolve) => {
    try {
      const req = op(d.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
}

/** Photos in the order they were added (ids are time-ordered). */
export async function loadPhotos(): Promise<StoredPhoto[]> {
  const all = (await run('readonly', (s) => s.getAll() as IDBRequest<StoredPhoto[]>)) ?? [];
  return all.sort((a, b) => a.id.localeCompare(b.id));
}

export const savePhoto = (p: StoredPhoto) => run('readwrite', (s) => s.put(p));
export const deletePhoto = (id: string) => run('readwrite', (s) => s.delete(id));

/** Forget the whole draft: after a confirmed submission, when the person asks, or when it expired. */
export async function clearDraft(): Promise<void> {
  try {
    localStorage.removeItem(TEXT_KEY);
  } catch {
    /* nothing stored */
  }
  await run('readwrite', (s) => s.clear());
}
