/**
 * The data folder under `astro dev`: the collections' loaders share one
 * watch of the folder, read it again once a burst of changes has settled,
 * and refill every collection, or log a broken folder once and keep the
 * last valid data. Driven here with a stand-in for the dev server's watcher.
 * (tests/build/dev.test.ts runs the same against a real `astro dev`.)
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { folderLoader } from '../../src/loader/folder-loader.ts';
import { cleanupTemp, makeFixture } from '../helpers/fixtures.ts';

type Listener = (event: string, path: string) => void;

/** What the dev server's watcher offers a loader: add a path, listen to every event. */
class FakeWatcher {
  listeners: Listener[] = [];
  added: string[] = [];
  add(path: string) {
    this.added.push(path);
  }
  on(_event: 'all', listener: Listener) {
    this.listeners.push(listener);
  }
  emit(event: string, path: string) {
    for (const l of this.listeners) l(event, path);
  }
}

/** A content store: id → data. */
function fakeStore() {
  const entries = new Map<string, Record<string, unknown>>();
  return {
    entries,
    clear: () => entries.clear(),
    set: ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      entries.set(id, data);
      return true;
    },
  };
}

const data = makeFixture();
const watersCsv = join(data, 'waters.csv');
const original = readFileSync(watersCsv, 'utf8');
const watcher = new FakeWatcher();
const errors: string[] = [];
const logger = { error: (m: string) => errors.push(m), info() {}, warn() {}, debug() {} };
const waters = fakeStore();
const regions = fakeStore();
const savedDir = process.env.RIVER_DATA_DIR;

const nameOf = (id: string) => waters.entries.get(id)?.name;

beforeAll(async () => {
  process.env.RIVER_DATA_DIR = data;
  const byId = (name: 'waters' | 'regions') =>
    folderLoader(name, (f) =>
      f[name].map((r) => ({ id: String((r.data as { id: string }).id), data: r.data as Record<string, unknown> })),
    );
  // The loader context has more in it; these loaders use only these three.
  await byId('waters').load({ store: waters, watcher, logger } as never);
  await byId('regions').load({ store: regions, watcher, logger } as never);
});

afterAll(() => {
  if (savedDir === undefined) delete process.env.RIVER_DATA_DIR;
  else process.env.RIVER_DATA_DIR = savedDir;
  cleanupTemp();
});

describe('the data folder under astro dev', () => {
  it('is watched once for all the collections', () => {
    expect(nameOf('heyuan-he')).toBe('禾源河');
    expect(regions.entries.size).toBeGreaterThan(0);
    expect(watcher.added).toEqual([data]);
    expect(watcher.listeners).toHaveLength(1);
  });

  it('reads a file saved as truncate-then-write once it has settled, even when the second event never comes', async () => {
    vi.useFakeTimers();
    try {
      // An editor's save: the file is emptied (one event) and then written.
      // The watcher may swallow the second event when the file system's
      // clock gives both the same modification time.
      truncateSync(watersCsv, 0);
      watcher.emit('change', watersCsv);
      await vi.advanceTimersByTimeAsync(20);
      writeFileSync(watersCsv, original.replace('heyuan-he,禾源河,', 'heyuan-he,禾源大河,'));
      await vi.advanceTimersByTimeAsync(200);
    } finally {
      vi.useRealTimers();
    }
    expect(errors).toEqual([]);
    expect(nameOf('heyuan-he')).toBe('禾源大河');
    expect(regions.entries.size).toBeGreaterThan(0);
  });

  it('reads a burst of changes once', async () => {
    vi.useFakeTimers();
    const before = waters.entries;
    let fills = 0;
    const clear = before.clear.bind(before);
    before.clear = () => {
      fills++;
      clear();
    };
    try {
      for (let i = 0; i < 5; i++) {
        writeFileSync(watersCsv, original.replace('heyuan-he,禾源河,', `heyuan-he,禾源${i}河,`));
        watcher.emit('change', watersCsv);
        await vi.advanceTimersByTimeAsync(30);
      }
      await vi.advanceTimersByTimeAsync(200);
    } finally {
      vi.useRealTimers();
      before.clear = clear;
    }
    expect(fills).toBe(1);
    expect(nameOf('heyuan-he')).toBe('禾源4河');
  });

  it('logs a broken edit once, with file, line and column, and keeps the last valid data', async () => {
    vi.useFakeTimers();
    try {
      writeFileSync(watersCsv, original.replace(',III,yhyc-heyuan-he,', ',VI,yhyc-heyuan-he,'));
      watcher.emit('change', watersCsv);
      watcher.emit('change', watersCsv);
      await vi.advanceTimersByTimeAsync(200);
    } finally {
      vi.useRealTimers();
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/waters\.csv:2:\d+ \[target_class\]/);
    expect(nameOf('heyuan-he')).toBe('禾源4河');
  });

  it('ignores changes outside the data folder', async () => {
    vi.useFakeTimers();
    try {
      writeFileSync(watersCsv, original);
      watcher.emit('change', join(data, '..', 'elsewhere.csv'));
      await vi.advanceTimersByTimeAsync(200);
    } finally {
      vi.useRealTimers();
    }
    expect(nameOf('heyuan-he')).toBe('禾源4河');
  });
});
