import type { EmulatorConfig } from "../arm/contract.ts";
import { validateRealismConfig } from "../realism/realism-config.ts";

/** Public Azure regions accepted for tracked resources. */
export const DEFAULT_LOCATIONS = [
  "eastus",
  "eastus2",
  "westus",
  "westus2",
  "westus3",
  "centralus",
  "northcentralus",
  "southcentralus",
  "westcentralus",
  "canadacentral",
  "canadaeast",
  "brazilsouth",
  "northeurope",
  "westeurope",
  "uksouth",
  "ukwest",
  "francecentral",
  "germanywestcentral",
  "switzerlandnorth",
  "norwayeast",
  "swedencentral",
  "polandcentral",
  "italynorth",
  "spaincentral",
  "eastasia",
  "southeastasia",
  "japaneast",
  "japanwest",
  "koreacentral",
  "centralindia",
  "southindia",
  "australiaeast",
  "australiasoutheast",
  "southafricanorth",
  "uaenorth",
  "qatarcentral",
  "israelcentral",
];

export function defaultConfig(): EmulatorConfig {
  return {
    locations: [...DEFAULT_LOCATIONS],
    // Completes on the first poll; core-lro polls once immediately, so SDK calls stay fast in tests.
    lro: { style: "location", pollsBeforeDone: 0, retryAfterSeconds: 1 },
    pageSize: 100,
    latencyMs: 0,
    throttling: {
      enabled: true,
      reads: { bucket: 250, perSecond: 25 },
      writes: { bucket: 200, perSecond: 10 },
      deletes: { bucket: 200, perSecond: 10 },
    },
    tokens: { lifetimeSeconds: 3600, githubLifetimeSeconds: 300 },
    github: {
      repository: "acme/infra",
      repositoryOwner: "acme",
      ref: "refs/heads/main",
      environment: "prod",
      eventName: "push",
      workflow: "deploy",
      jobWorkflowRef: "acme/infra/.github/workflows/deploy.yml@refs/heads/main",
      runId: "1000000001",
      runAttempt: "1",
      actor: "octocat",
      sha: "0000000000000000000000000000000000000000",
    },
    managedIdentity: "workload",
    realism: { profile: "off" },
  };
}

/**
 * Deep-merges a partial config (from `PUT /_emulator/config` or options) over `base`. Throws InvalidConfigError,
 * naming the field, when the realism settings that result are not valid.
 */
export function mergeConfig(base: EmulatorConfig, patch: unknown): EmulatorConfig {
  const merged = deepMerge(base, patch) as EmulatorConfig;
  validateRealismConfig(merged.realism);
  return merged;
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = deepMerge(base[k], v);
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
