/**
 * Opening a small IndexedDB database of one object store, as the report
 * draft's photos (report/draft.ts) and the outbox (report/outbox.ts) keep
 * theirs. Resolves null when the browser refuses storage (private mode,
 * blocked by another tab): callers then work without it.
 */
export function openStore(name: string, store: string, keyPath: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(store, { keyPath });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}
