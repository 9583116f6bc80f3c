/**
 * Which part of a split audit a report covers: shard `index` of `count` (1-based) of the split named `split` (the
 * audited environment, or `all`), over these subscriptions. Carried in the JSON report so a merge can tell a shard
 * that never reported from one that found nothing.
 */
export interface ReportShard {
  readonly split: string;
  readonly index: number;
  readonly count: number;
  readonly subscriptions: readonly string[];
}
