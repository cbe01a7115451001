/**
 * The draft of a report, kept in the browser until a submission is
 * confirmed: the text fields in localStorage (written as the person types),
 * the resized photos in IndexedDB (blobs are too big for localStorage). Both
 * survive a reload, a closed tab and going offline. When storage is refused
 * (private mode, full disk) the form still works; only the draft is lost.
 */

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

export function loadText(): TextDraft | null {
  try {
    const raw = localStorage.getItem(TEXT_KEY);
    const d = raw ? (JSON.parse(raw) as TextDraft) : null;
    return d && typeof d.values === 'object' ? d : null;
  } catch {
    return null;
  }
}

export function saveText(values: Record<string, string>, ref?: string): void {
  try {
    localStorage.setItem(TEXT_KEY, JSON.stringify({ values, ref, saved: new Date().toISOString() } satisfies TextDraft));
  } catch {
    /* storage refused: nothing to keep it in */
  }
}

export interface StoredPhoto {
  id: string;
  name: string;
  blob: Blob;
}

let opening: Promise<IDBDatabase | null> | null = null;

function db(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
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

/** Forget the whole draft: only after a confirmed submission, or when the person asks. */
export async function clearDraft(): Promise<void> {
  try {
    localStorage.removeItem(TEXT_KEY);
  } catch {
    /* nothing stored */
  }
  await run('readwrite', (s) => s.clear());
}
