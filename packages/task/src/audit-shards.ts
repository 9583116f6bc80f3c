import { UsageError } from "@infra/cli";

/** A subscription and what auditing it is expected to cost (its resource count; undefined when it could not be read). */
export interface SubscriptionEstimate {
  readonly subscriptionId: string;
  readonly resources: number | undefined;
}

/** One part of a split audit: what `--shard I/N` audits. */
export interface AuditShard {
  /** `1/4`: what `--shard` takes. */
  readonly shard: string;
  readonly index: number;
  readonly count: number;
  /** Sorted, so the same split prints the same. */
  readonly subscriptions: readonly string[];
  /** Sum of the subscriptions' estimates (unknown ones count 0). */
  readonly estimatedResources: number;
}

/** `--shard I/N`: 1 <= I <= N. */
export function parseShard(value: string): { index: number; count: number } {
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index > count) throw new UsageError(`--shard ${value}: give I/N with 1 <= I <= N, e.g. --shard 2/4`);
  return { index, count };
}

/** `--list-shards N`: a whole number of at least 1. */
export function parseShardCount(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--list-shards ${value}: a whole number of at least 1`);
  return Number(value);
}

/**
 * Splits subscriptions into at most `count` shards of about equal estimated size: greedy, largest first, each into the
 * shard with the least so far (the classic longest-processing-time rule, never worse than 4/3 of the best split).
 * Ties go by subscription id and then by shard number, so the same estimates always give the same split. Fewer
 * subscriptions than shards give one shard each: a shard is never empty.
 */
export function splitIntoShards(estimates: readonly SubscriptionEstimate[], count: number): AuditShard[] {
  const byId = new Map<string, SubscriptionEstimate>();
  for (const estimate of estimates) {
    const key = estimate.subscriptionId.toLowerCase();
    if (!byId.has(key)) byId.set(key, estimate);
  }
  const unique = [...byId.values()];
  const shards = Array.from({ length: Math.min(count, unique.length) }, () => ({
    subscriptions: [] as string[],
    total: 0,
  }));
  const ordered = [...unique].sort(
    (a, b) => (b.resources ?? 0) - (a.resources ?? 0) || a.subscriptionId.localeCompare(b.subscriptionId),
  );
  for (const estimate of ordered) {
    let lightest = shards[0];
    for (const shard of shards) if (lightest === undefined || shard.total < lightest.total) lightest = shard;
    if (lightest === undefined) break;
    lightest.subscriptions.push(estimate.subscriptionId);
    lightest.total += estimate.resources ?? 0;
  }
  return shards.map((shard, position) => ({
    shard: `${position + 1}/${shards.length}`,
    index: position + 1,
    count: shards.length,
    subscriptions: [...shard.subscriptions].sort((a, b) => a.localeCompare(b)),
    estimatedResources: shard.total,
  }));
}
