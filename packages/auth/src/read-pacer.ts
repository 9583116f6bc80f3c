import { setTimeout as sleep } from "node:timers/promises";

/** ARM's read bucket per subscription and principal: 250 burst, refilled at 25 per second (docs/troubleshooting.md). */
export const ARM_READ_LIMITS = { burst: 250, refillPerSecond: 25 } as const;

export interface ReadPacerOptions {
  /** Bucket size assumed until a header shows more; default ARM's 250. */
  burst?: number;
  refillPerSecond?: number;
  /** Tokens left unspent so requests from elsewhere (another task, a person) do not hit an empty bucket. */
  reserve?: number;
  /** Injected for tests. */
  now?: () => number;
  wait?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

export interface ReadPacerStats {
  /** Requests that had to wait for the bucket to refill. */
  paced: number;
  /** Sum of those waits. */
  waitedMs: number;
}

interface SubscriptionBucket {
  /** Estimated tokens ARM will have once every claim handed out so far is served; negative = queued claims. */
  tokens: number | undefined;
  updatedAt: number;
  /** Claims handed out whose response has not arrived (waiting or in flight). */
  pending: number;
}

/**
 * Paces reads per subscription so ARM's token bucket never empties: a local model of the bucket, corrected by every
 * `x-ms-ratelimit-remaining-subscription-reads` header. While the estimate is above the reserve, requests go at once
 * (the burst); below it, each claim takes a slot 1/refill apart (the claim goes into debt, so later callers wait
 * longer: FIFO without a queue). Throttling then stays rare instead of being retried into. Share one pacer between
 * every client of an audit run: ARM counts per subscription and principal, not per client.
 */
export class ReadPacer {
  readonly #buckets = new Map<string, SubscriptionBucket>();
  #burst: number;
  readonly #rate: number;
  readonly #reserve: number;
  readonly #now: () => number;
  readonly #wait: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  readonly #stats: ReadPacerStats = { paced: 0, waitedMs: 0 };

  constructor(options: ReadPacerOptions = {}) {
    this.#burst = options.burst ?? ARM_READ_LIMITS.burst;
    this.#rate = options.refillPerSecond ?? ARM_READ_LIMITS.refillPerSecond;
    this.#reserve = options.reserve ?? 5;
    this.#now = options.now ?? (() => performance.now());
    this.#wait = options.wait ?? ((ms, signal) => sleep(ms, undefined, { signal }));
  }

  /** Resolves when one read for `subscriptionId` may be sent. Pair every call with `settle`. */
  async acquire(subscriptionId: string, signal?: AbortSignal): Promise<void> {
    const bucket = this.#bucket(subscriptionId);
    bucket.pending += 1;
    if (bucket.tokens === undefined) return; // no header seen yet: nothing to pace on, the burst covers it
    this.#refill(bucket);
    const before = bucket.tokens;
    bucket.tokens -= 1;
    if (before - 1 >= this.#reserve) return;
    const waitMs = ((this.#reserve + 1 - before) / this.#rate) * 1000;
    this.#stats.paced += 1;
    this.#stats.waitedMs += waitMs;
    await this.#wait(waitMs, signal);
  }

  /**
   * The response (or failure) of an acquired read; `remaining` is its header when it had one. ARM's count is the
   * truth, minus our claims it has not seen yet: that corrects drift and notices other callers sharing the bucket.
   */
  settle(subscriptionId: string, remaining: number | undefined): void {
    const bucket = this.#bucket(subscriptionId);
    bucket.pending = Math.max(0, bucket.pending - 1);
    if (remaining === undefined || !Number.isFinite(remaining)) return;
    this.#refill(bucket);
    this.#burst = Math.max(this.#burst, remaining);
    bucket.tokens = remaining - bucket.pending;
  }

  stats(): ReadPacerStats {
    return { ...this.#stats };
  }

  #bucket(subscriptionId: string): SubscriptionBucket {
    const key = subscriptionId.toLowerCase();
    let bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      bucket = { tokens: undefined, updatedAt: this.#now(), pending: 0 };
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }

  #refill(bucket: SubscriptionBucket): void {
    const now = this.#now();
    if (bucket.tokens !== undefined) {
      bucket.tokens = Math.min(this.#burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.#rate);
    }
    bucket.updatedAt = now;
  }
}
