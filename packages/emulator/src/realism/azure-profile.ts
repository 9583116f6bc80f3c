import type { OperationDurations, RealismConfig } from "./realism-config.ts";

/**
 * The `azure` profile: orders of magnitude seen on real Azure, every one overridable (docs/emulator.md, "Realism mode").
 * - Principal replication: tens of seconds between creating a service principal or managed identity and ARM's
 *   role-assignment service seeing it (Microsoft's RBAC troubleshooting guide: "a replication delay").
 * - Role assignment propagation: "it can take up to 10 minutes for changes to take effect" (same guide); usually
 *   a minute or two.
 * - List lag: tens of seconds before a new resource shows in ARM's cached lists.
 * - Storage account create: 2-20 s, and its 202s carry `Location` but no `Retry-After` (azure-cli and
 *   azure-sdk-for-python recordings of `PUT .../storageAccounts/{name}`, 2020-2026).
 * - Resource group delete: tens of seconds for a small group, `Retry-After: 15` on its 202 (ARM recordings).
 */
export const AZURE_PROFILE: Required<Omit<RealismConfig, "profile">> = {
  timeScale: 1,
  seed: 1,
  principalReplicationMs: 30_000,
  principalTypeSkipsLookup: true,
  roleAssignmentPropagationMs: 120_000,
  listLagMs: 30_000,
  storageAccountLock: true,
  operations: {
    "PUT Microsoft.Storage/storageAccounts": { minMs: 2_000, maxMs: 20_000 },
    "DELETE Microsoft.Resources/resourceGroups": { minMs: 10_000, maxMs: 60_000, retryAfterSeconds: 15 },
    "*": { minMs: 1_000, maxMs: 10_000 },
  },
};

/** The realism in force: the profile's values, the overrides over them, every delay scaled by `timeScale`. */
export interface RealismSettings {
  seed: number;
  principalReplicationMs: number;
  principalTypeSkipsLookup: boolean;
  roleAssignmentPropagationMs: number;
  listLagMs: number;
  storageAccountLock: boolean;
  /** Keys lowercased; durations scaled; `retryAfterSeconds` scaled, rounded up, at least 1 (0 means "absent" to clients). */
  operations: ReadonlyMap<string, OperationDurations>;
}

const resolved = new WeakMap<RealismConfig, RealismSettings>();

/** Undefined when the profile is `off`: nothing is modelled, whatever else is set. */
export function resolveRealism(config: RealismConfig): RealismSettings | undefined {
  if (config.profile === "off") return undefined;
  const cached = resolved.get(config);
  if (cached) return cached;
  const scale = config.timeScale ?? AZURE_PROFILE.timeScale;
  const ms = (value: number | undefined, fallback: number) => Math.round((value ?? fallback) * scale);
  const operations = new Map<string, OperationDurations>();
  for (const [key, d] of Object.entries({ ...AZURE_PROFILE.operations, ...(config.operations ?? {}) })) {
    const scaled: OperationDurations = { minMs: ms(d.minMs, 0), maxMs: ms(d.maxMs, 0) };
    if (d.retryAfterSeconds !== undefined)
      scaled.retryAfterSeconds = Math.max(1, Math.ceil(d.retryAfterSeconds * scale));
    operations.set(key.toLowerCase(), scaled);
  }
  const settings: RealismSettings = {
    seed: config.seed ?? AZURE_PROFILE.seed,
    principalReplicationMs: ms(config.principalReplicationMs, AZURE_PROFILE.principalReplicationMs),
    principalTypeSkipsLookup: config.principalTypeSkipsLookup ?? AZURE_PROFILE.principalTypeSkipsLookup,
    roleAssignmentPropagationMs: ms(config.roleAssignmentPropagationMs, AZURE_PROFILE.roleAssignmentPropagationMs),
    listLagMs: ms(config.listLagMs, AZURE_PROFILE.listLagMs),
    storageAccountLock: config.storageAccountLock ?? AZURE_PROFILE.storageAccountLock,
    operations,
  };
  resolved.set(config, settings);
  return settings;
}
