import type { EmulatorConfig, HttpMethod } from "./contract.ts";

export type RequestKind = "reads" | "writes" | "deletes";

export function kindOf(method: HttpMethod): RequestKind {
  if (method === "GET" || method === "HEAD") return "reads";
  if (method === "DELETE") return "deletes";
  return "writes";
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface ThrottleDecision {
  allowed: boolean;
  remaining: number;
  /** Seconds until one token is back (>= 1: az waits 30 s on `Retry-After: 0`). */
  retryAfterSeconds: number;
}

/** ARM's token buckets, one per subscription + principal + kind; refilled continuously. */
export class Throttler {
  readonly #buckets = new Map<string, Bucket>();

  take(config: EmulatorConfig["throttling"], scopeKey: string, kind: RequestKind, now = Date.now()): ThrottleDecision {
    const limits = config[kind];
    const key = `${scopeKey}|${kind}`;
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = { tokens: limits.bucket, updatedAt: now };
      this.#buckets.set(key, bucket);
    }
    const refill = ((now - bucket.updatedAt) / 1000) * limits.perSecond;
    bucket.tokens = Math.min(limits.bucket, bucket.tokens + refill);
    bucket.updatedAt = now;
    if (bucket.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - bucket.tokens) / limits.perSecond));
      return { allowed: false, remaining: 0, retryAfterSeconds: wait };
    }
    bucket.tokens -= 1;
    return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
  }

  reset(): void {
    this.#buckets.clear();
  }
}
