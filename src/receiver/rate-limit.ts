/**
 * Reports per address per hour: a sliding window of the times of the last
 * `limit` requests of each address, in memory (a restart forgets it, which
 * for a limit meant to stop floods is fine). The number of addresses
 * remembered is capped, so a flood from many addresses cannot grow memory
 * without bound: past the cap, addresses with no request in the window are
 * dropped, then the longest-known ones.
 */
export interface RateDecision {
  ok: boolean;
  /** Seconds until the address may send again (when refused). */
  retryAfter: number;
}

export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly maxKeys: number;
  private readonly hits = new Map<string, number[]>();

  /** `limit` 0 means no limit. */
  constructor(limit: number, windowMs = 3_600_000, maxKeys = 100_000) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
  }

  /** Count one request of `key` at `now` (ms) if it is within the limit. */
  hit(key: string, now: number = Date.now()): RateDecision {
    if (this.limit <= 0) return { ok: true, retryAfter: 0 };
    const since = now - this.windowMs;
    const times = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (times.length >= this.limit) {
      this.hits.set(key, times);
      return { ok: false, retryAfter: Math.max(1, Math.ceil((times[0]! + this.windowMs - now) / 1000)) };
    }
    times.push(now);
    this.hits.delete(key); // re-insert: Map order is then least recently seen first
    this.hits.set(key, times);
    if (this.hits.size > this.maxKeys) this.prune(now);
    return { ok: true, retryAfter: 0 };
  }

  /** Addresses currently remembered. */
  get size(): number {
    return this.hits.size;
  }

  private prune(now: number): void {
    const since = now - this.windowMs;
    for (const [k, times] of this.hits) if (times.at(-1)! <= since) this.hits.delete(k);
    for (const k of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(k);
    }
  }
}
