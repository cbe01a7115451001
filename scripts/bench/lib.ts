/**
 * Helpers of the benchmark data generator: a seeded PRNG (its streams are
 * seeded with ../lib/random.ts's string hash), calendar days,
 * a chunked CSV writer, number formatting and Chinese name pools.
 * Node built-ins only; run with Node's type stripping (erasable syntax only).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { hashString } from '../lib/random.ts';

// ---------------------------------------------------------------- PRNG

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * sfc32 generator. Each table draws from its own stream (`new Rng(seed, 'cases')`),
 * so the same seed and size always give byte-identical files.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;

  constructor(seed: number, stream: string) {
    const sm = splitmix32((seed >>> 0) ^ hashString(stream));
    this.a = sm();
    this.b = sm();
    this.c = sm();
    this.d = sm();
    for (let i = 0; i < 15; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Pick by weight: `[[value, weight], …]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1]![0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = arr[i] as T;
      arr[i] = arr[j] as T;
      arr[j] = t;
    }
    return arr;
  }
}

/** Picks indexes by weight in O(log n): build once, draw many times. */
export class WeightedIndex {
  private cumulative: Float64Array;
  private total: number;
  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let t = 0;
    for (let i = 0; i < weights.length; i++) {
      t += weights[i] as number;
      this.cumulative[i] = t;
    }
    this.total = t;
  }
  draw(rng: Rng): number {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

// ---------------------------------------------------------------- dates

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function toDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

const dayText = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (memoised: the same few thousand days recur). */
export function fmtDay(day: number): string {
  let s = dayText.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayText.set(day, s);
  }
  return s;
}

export function dayOf(year: number, month: number, dayOfMonth: number): number {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / DAY_MS);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month as a count: year * 12 + (month - 1). */
export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

export function monthOfDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return monthIndex(d.getUTCFullYear(), d.getUTCMonth() + 1);
}

export function fmtMonth(mi: number): string {
  const y = Math.floor(mi / 12);
  const m = (mi % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- output

/** Quote a CSV cell when it needs it (RFC 4180). */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : v;
  if (/[",\r\n]/.test(s) || s !== s.trim()) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/**
 * A file written in chunks with synchronous writes: rows are buffered up to
 * about 256 KB and flushed, so no file is ever held in memory whole.
 */
export class ChunkedFile {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  rows = 0;
  bytes = 0;

  readonly path: string;

  constructor(path: string) {
    this.path = path;
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 1 << 17) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    this.bytes += writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export class CsvFile extends ChunkedFile {
  constructor(path: string, header: readonly string[]) {
    super(path);
    this.write(header.join(',') + '\n');
  }
  row(cells: readonly (string | number | null | undefined)[]): void {
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) line += ',';
      line += csvCell(cells[i]);
    }
    this.write(line + '\n');
    this.rows++;
  }
}

// ---------------------------------------------------------------- numbers

/** A number with `digits` significant digits, no exponent, no trailing zeros. */
export function sig(v: number, digits = 3): string {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  if (Math.abs(v) >= 10 ** digits) return String(Math.round(v));
  let s = v.toPrecision(digits);
  if (s.includes('e')) s = v.toFixed(10);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

/** Fixed decimals without trailing zeros ("12.50" → "12.5"). */
export function fixed(v: number, decimals: number): string {
  let s = v.toFixed(decimals);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// ---------------------------------------------------------------- names

/** Pairs of [汉字, pinyin] used to build place and water names and their ids. */
export type Syllable = readonly [string, string];

/** Syllables written as "青qing 石shi …", each its characters and then its pinyin. */
function syllables(text: string): Syllable[] {
  return text.split(' ').map((w) => {
    const m = /^(\p{Script=Han}+)([a-z]+)$/u.exec(w);
    if (!m) throw new Error(`not a syllable: "${w}"`);
    return [m[1]!, m[2]!] as const;
  });
}

export const FIRST: readonly Syllable[] = syllables(
  '青qing 石shi 东dong 西xi 南nan 北bei 白bai 黄huang 红hong 长chang 大da 小xiao ' +
    '龙long 凤feng 桃tao 柳liu 松song 梅mei 竹zhu 金jin 银yin 玉yu 双shuang 三san 马ma ' +
    '牛niu 鹤he 鹿lu 云yun 花hua 茶cha 杨yang 枫feng 桂gui 兰lan 荷he 莲lian 沙sha 黑hei ' +
    '新xin 古gu 高gao 平ping 安an 永yong 丰feng 太tai 文wen 丹dan 碧bi 翠cui 泉quan 盘pan ' +
    '狮shi 乌wu 紫zi 清qing 明ming 万wan 凉liang 桐tong 杏xing 樟zhang 罗luo 官guan ' +
    '仙xian',
);

export const SECOND: readonly Syllable[] = syllables(
  '石shi 湾wan 山shan 坑keng 田tian 桥qiao 岭ling 口kou 源yuan 家jia 林lin 阳yang ' +
    '水shui 洲zhou 坪ping 坝ba 峰feng 岩yan 庄zhuang 墩dun 埠bu 渡du 头tou 亭ting 园yuan ' +
    '塔ta 门men 泽ze 潭tan 滩tan 川chuan 谷gu 冲chong 岗gang 井jing 池chi 畈fan 垟yang ' +
    '湖hu 堰yan 陂bei 岙ao 坞wu 埂geng 圩wei 棚peng 寺si 铺pu',
);

export const SURNAMES: readonly string[] = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];

export const GIVEN: readonly string[] = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉鹏宇浩凯俊峰健晨亮林军成波丹海燕雪梅琳颖婷慧坤宏晓春雷振东江德福荣新民永胜立群光耀佳鑫彬',
];

/** Chinese person names: surname + one or two given-name characters. */
export function personName(rng: Rng): string {
  const s = rng.pick(SURNAMES);
  const g1 = rng.pick(GIVEN);
  return rng.chance(0.7) ? s + g1 + rng.pick(GIVEN) : s + g1;
}

/**
 * Hands out two-character name stems in a shuffled order, one cursor for all
 * suffixes, so names differ in their stems too (青石河, 东湾湖, …) and stay unique
 * without numbers until the pool runs out; then a number is appended (青石河2).
 */
export class Namer {
  private stems: [string, string][] = [];
  private cursor = 0;
  private used = new Set<string>();
  private nextNumber = new Map<string, number>();

  constructor(rng: Rng) {
    for (const a of FIRST) for (const b of SECOND) if (a[0] !== b[0]) this.stems.push([a[0] + b[0], a[1] + b[1]]);
    rng.shuffle(this.stems);
  }

  /** A new unique name `stem + suffix`, with its pinyin and stem. */
  next(suffix: Syllable): { name: string; pinyin: string; stem: string } {
    const n = this.stems.length;
    for (let k = 0; k < 64; k++) {
      const [stem, py] = this.stems[(this.cursor + k) % n]!;
      const name = stem + suffix[0];
      if (!this.used.has(name)) {
        this.cursor = (this.cursor + k + 1) % n;
        this.used.add(name);
        return { name, pinyin: py + suffix[1], stem };
      }
    }
    const [stem, py] = this.stems[this.cursor]!;
    this.cursor = (this.cursor + 1) % n;
    const base = stem + suffix[0];
    let k = this.nextNumber.get(base) ?? 2;
    while (this.used.has(`${base}${k}`)) k++;
    this.nextNumber.set(base, k + 1);
    const name = `${base}${k}`;
    this.used.add(name);
    return { name, pinyin: `${py}${suffix[1]}${k}`, stem };
  }
}

/** Makes ids unique by appending a number (qingshihe, qingshihe2, …). */
export class IdPool {
  private used = new Set<string>();
  take(base: string): string {
    let id = base;
    let k = 2;
    while (this.used.has(id)) id = `${base}${k++}`;
    this.used.add(id);
    return id;
  }
  has(id: string): boolean {
    return this.used.has(id);
  }
}
