import { describe, expect, it } from 'vitest';
import { allShardKeys, fnv1a, keyLength, normaliseRef, shardKey, shardPath } from '../../src/lib/track.ts';

describe('normaliseRef', () => {
  it('upper-cases and trims', () => {
    expect(normaliseRef('  jb-20250211-7xk2pa \n')).toBe('JB202502117XK2PA');
  });
  it('ignores spaces and every kind of dash the way people type them', () => {
    const want = 'JB202502117XK2PA';
    for (const typed of [
      'JB-20250211-7XK2PA',
      'JB 20250211 7XK2PA',
      'JB–20250211—7XK2PA',
      'JB_20250211_7XK2PA',
      'JB\u00a020250211\u30007XK2PA',
    ])
      expect(normaliseRef(typed), typed).toBe(want);
  });
  it('makes full-width letters and digits (Chinese input methods) half-width', () => {
    expect(normaliseRef('ＪＢ－２０２５０２１１－７ＸＫ２ＰＡ')).toBe('JB202502117XK2PA');
  });
  it('keeps references without separators as they are', () => {
    expect(normaliseRef('JB20220120001')).toBe('JB20220120001');
  });
  it('is empty for blank input', () => {
    expect(normaliseRef('  - ')).toBe('');
  });
  it('is idempotent', () => {
    for (const r of ['jb-1', 'ＡＢ－１', 'x y z']) expect(normaliseRef(normaliseRef(r))).toBe(normaliseRef(r));
  });
});

describe('fnv1a', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
  it('is an unsigned 32-bit number', () => {
    for (const s of ['JB202502117XK2PA', '问题', 'x'.repeat(1000)]) {
      const h = fnv1a(s);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
  });
});

describe('keyLength', () => {
  it('grows with the number of references so a shard holds a handful', () => {
    expect(keyLength(0)).toBe(1);
    expect(keyLength(10)).toBe(1);
    expect(keyLength(256)).toBe(1);
    expect(keyLength(257)).toBe(2);
    expect(keyLength(4096)).toBe(2);
    expect(keyLength(6000)).toBe(3);
    // A city: 20,000 cases and 6,000 references are 26,000 keys, 4,096 shards of about 6.
    expect(keyLength(26_000)).toBe(3);
    expect(keyLength(65_537)).toBe(4);
  });
  it('never exceeds four digits', () => {
    expect(keyLength(10_000_000)).toBe(4);
  });
});

describe('shardKey', () => {
  it('is the first hex digits of the hash, zero-padded', () => {
    expect(shardKey('A', 8)).toBe(fnv1a('A').toString(16).padStart(8, '0'));
    expect(shardKey('JB202502117XK2PA', 2)).toHaveLength(2);
    expect(shardKey('JB202502117XK2PA', 3).startsWith(shardKey('JB202502117XK2PA', 2))).toBe(true);
  });
  it('gives the same key for every way of typing a reference', () => {
    const k = shardKey(normaliseRef('JB-20250211-7XK2PA'), 2);
    expect(shardKey(normaliseRef(' jb 20250211 7xk2pa'), 2)).toBe(k);
  });
  it('spreads references over the shards', () => {
    const keys = new Map<string, number>();
    for (let i = 0; i < 4096; i++) {
      const k = shardKey(normaliseRef(`JB2026${String(i).padStart(5, '0')}`), 2);
      keys.set(k, (keys.get(k) ?? 0) + 1);
    }
    expect(keys.size).toBe(256);
    expect(Math.max(...keys.values())).toBeLessThan(48); // mean 16
  });
  it('is one of allShardKeys', () => {
    const all = new Set(allShardKeys(2));
    expect(all.size).toBe(256);
    expect(all.has(shardKey('ANYTHING', 2))).toBe(true);
    expect(allShardKeys(1)).toEqual([...'0123456789abcdef']);
  });
  it('names a file under /track/', () => {
    expect(shardPath('0a')).toBe('/track/0a.json');
  });
});
