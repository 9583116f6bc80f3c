import { variableSuffix } from "./github-variables.ts";

/** One shard of the listing, as `pnpm run audit -- --list-shards N --json` prints it. */
export interface ListedShard {
  readonly index: number;
  readonly count: number;
  readonly subscriptions: readonly string[];
}

/** Who lists and audits one split: an environment's read identity, or the tenant-wide audit identity. */
export interface AuditSplit {
  /** The environment (its rules apply: required tags, regions), or `all` for the tenant-wide split. */
  readonly split: string;
  /** Variable holding the identity's client id. */
  readonly client: string;
  /** Variable holding the subscription it signs in to first (any one it can read). */
  readonly home: string;
}

/** One leg of the audit workflow's shard job. */
export interface AuditMatrixEntry {
  readonly split: string;
  /** `--env` for the leg: the environment's name, or empty for the tenant-wide split. */
  readonly environment: string;
  readonly client: string;
  readonly home: string;
  /** `--shard` */
  readonly shard: string;
  /** Space-separated, for `--subscription` each. */
  readonly subscriptions: string;
  /** SARIF category: one split of one shard keeps the environment's own, `azure-audit/<env>/`. */
  readonly category: string;
  /** For artifact and file names. */
  readonly slug: string;
}

/**
 * The splits the nightly audit runs: each deployable environment with its read identity (bootstrapped ones only),
 * and the tenant-wide split when an audit identity is configured (`AZURE_AUDIT_CLIENT_ID`).
 */
export function auditSplits(
  environments: readonly string[],
  variables: Readonly<Record<string, string>>,
): { splits: AuditSplit[]; skipped: string[] } {
  const splits: AuditSplit[] = [];
  const skipped: string[] = [];
  for (const environment of environments) {
    const suffix = variableSuffix(environment);
    const split = {
      split: environment,
      client: `AZURE_READER_CLIENT_ID_${suffix}`,
      home: `AZURE_SUBSCRIPTION_ID_${suffix}`,
    };
    if (variables[split.client] && variables[split.home]) splits.push(split);
    else skipped.push(environment);
  }
  if (variables.AZURE_AUDIT_CLIENT_ID && variables.AZURE_AUDIT_SUBSCRIPTION_ID) {
    splits.push({ split: "all", client: "AZURE_AUDIT_CLIENT_ID", home: "AZURE_AUDIT_SUBSCRIPTION_ID" });
  }
  return { splits, skipped };
}

export function matrixEntries(split: AuditSplit, shards: readonly ListedShard[]): AuditMatrixEntry[] {
  return shards.map((shard) => ({
    split: split.split,
    environment: split.split === "all" ? "" : split.split,
    client: split.client,
    home: split.home,
    shard: `${shard.index}/${shard.count}`,
    subscriptions: shard.subscriptions.join(" "),
    category:
      shard.count === 1
        ? `azure-audit/${split.split}/`
        : `azure-audit/${split.split}/shard-${shard.index}-of-${shard.count}/`,
    slug: `${split.split}-${shard.index}-of-${shard.count}`,
  }));
}
