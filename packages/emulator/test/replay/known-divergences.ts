import type { Divergence } from "./compare.ts";

/**
 * Every way the emulator is known to answer differently from the recorded real traffic, with the reason. The replay
 * fails on a divergence missing here and on an entry here that no longer occurs, so this list cannot silently grow or
 * go stale. Each reason is also in docs/emulator.md under "Fidelity limits".
 */
export interface KnownDivergence {
  cassette: string;
  /** 1-based interaction in the cassette. */
  interaction: number;
  kind: Divergence["kind"];
  path: string;
  reason: string;
}

const ALLOW_PERMANENT_DELETE =
  "Azure has answered both forms for a blob service never written: these three recordings (two of April 2022, one of October 2025) report deleteRetentionPolicy.allowPermanentDelete, five others (2021 and April 2022, same api-versions) do not; the emulator answers the form most recordings show";

export const KNOWN_DIVERGENCES: KnownDivergence[] = [
  {
    cassette: "storage/test_create_storage_account_v2.yaml",
    interaction: 1,
    kind: "value",
    path: "properties.allowBlobPublicAccess",
    reason:
      "a default Azure changed after the recording (2021): new storage accounts have allowed no anonymous blob access since the 2023 secure-by-default change, whatever the api-version; the emulator answers today's default",
  },
  ...[
    "storage/test_storage_account_update_versioning.yaml",
    "storage/test_storage_account_update_change_feed.yaml",
    "storage/test_storage_account_blob_cors_rule.yaml",
  ].map(
    (cassette): KnownDivergence => ({
      cassette,
      interaction: 1,
      kind: "missing",
      path: "properties.deleteRetentionPolicy.allowPermanentDelete",
      reason: ALLOW_PERMANENT_DELETE,
    }),
  ),
];
