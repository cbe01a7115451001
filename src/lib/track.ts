/**
 * Following a report (办理进度查询): the reference number a citizen got from
 * the report form (cases.csv `report_ref`) finds its case on a static host
 * without downloading the whole ledger. At build time every case with a
 * reference is filed in a small JSON shard, /track/<key>.json, whose key is
 * a prefix of a hash of the normalised reference; the lookup page computes
 * the same key in the browser and fetches only that shard.
 *
 * Pure TypeScript with no imports, so the page's bundled script uses the
 * very same functions as the build (the two cannot drift apart).
 */

/**
 * Dash-like characters people type or paste between the parts of a reference:
 * hyphen-minus, hyphen, non-breaking hyphen, figure dash, en and em dash,
 * horizontal bar, minus sign, small and full-width hyphen-minus, underscore,
 * middle dot and the ideographic "一"-like box-drawing dash.
 */
const SEPARATORS = /[\s\-‐‑‒–—―−﹘﹣－_·・─]/g;

/**
 * The form of a reference that lookups compare: full-width letters and digits
 * made half-width (NFKC), upper case, with no spaces or dashes. So
 * "jb-20250211-7xk2pa", " JB 20250211 7XK2PA " and "ＪＢ－２０２５０２１１－７ＸＫ２ＰＡ"
 * all find "JB-20250211-7XK2PA". Empty when nothing is left.
 */
export function normaliseRef(ref: string): string {
  return ref.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
}

/** FNV-1a, 32 bits, over the UTF-16 code units of a string: small, fast, the same in Node and every browser. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Shortest and longest shard keys (hex digits): 16 to 65,536 shards. */
export const MIN_KEY_LENGTH = 1;
export const MAX_KEY_LENGTH = 4;

/**
 * The key length (hex digits) that files `count` lookup keys at no more than
 * `perShard` per shard on average: 16^length ≥ count / perShard. A shard then
 * holds a few cases whatever the size of the ledger (a city's 20,000 cases
 * with their 6,000 references, 26,000 keys → 3 digits, 4,096 shards of about
 * 6 cases, 7 KB each). Every shard is a file of the build, written even when
 * empty: with 4 a shard, the city's keys took 4 digits, 65,536 files (as many
 * as the site's pages, most holding no case or one) for 0.4 keys a file.
 */
export function keyLength(count: number, perShard = 16): number {
  let length = MIN_KEY_LENGTH;
  while (length < MAX_KEY_LENGTH && count / 16 ** length > perShard) length++;
  return length;
}

/** The shard key of a normalised reference: the first `length` hex digits of its hash. */
export function shardKey(normalisedRef: string, length: number): string {
  return fnv1a(normalisedRef).toString(16).padStart(8, '0').slice(0, length);
}

/** Every shard key of a length, in order ('0' … 'f' for length 1). */
export function allShardKeys(length: number): string[] {
  const n = 16 ** length;
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(i.toString(16).padStart(length, '0'));
  return out;
}

/** The URL path of a shard file, under the site's base path (src/lib/base.ts). */
export function shardPath(key: string): string {
  return `${import.meta.env.BASE_URL}track/${key}.json`;
}
