import { z } from "zod";

/** `off`: the emulator answers at once and consistently (the default). `azure`: real Azure's delays and conflicts. */
export type RealismProfile = "off" | "azure";

/** How long one kind of long-running operation takes, and the `Retry-After` its 202s carry. */
export interface OperationDurations {
  minMs: number;
  maxMs: number;
  /** Seconds sent in `Retry-After` while it runs; absent: no header (the client polls at its own interval). */
  retryAfterSeconds?: number;
}

/**
 * `config.realism`: a profile plus overrides of any of its values. Delays are milliseconds of real Azure time;
 * `timeScale` multiplies all of them (and `Retry-After`), so tests can run the `azure` profile at 1/100 speed.
 */
export interface RealismConfig {
  profile: RealismProfile;
  /** Multiplies every delay and duration; 0.01 runs a 20 s storage account create in 200 ms. */
  timeScale?: number;
  /** Seeds the operation durations drawn from their ranges: one seed, one set of durations. */
  seed?: number;
  /** A new principal is unknown to role assignment creates for this long (Entra replication). */
  principalReplicationMs?: number;
  /**
   * A trusted `principalType` lets a role assignment create skip the directory lookup, as Microsoft documents (default
   * true). `false` refuses a principal still replicating whatever its type: what clients that retry PrincipalNotFound
   * anyway (terraform's azurerm provider does, on every role assignment create) guard against.
   */
  principalTypeSkipsLookup?: boolean;
  /** A new role assignment grants nothing for this long (RBAC caches). */
  roleAssignmentPropagationMs?: number;
  /** A new resource is missing from list responses for this long (eventually consistent list caches). */
  listLagMs?: number;
  /** Writes to a storage account or its children answer 409 while a long-running write on it runs. */
  storageAccountLock?: boolean;
  /** By `METHOD Namespace/type` (`PUT Microsoft.Storage/storageAccounts`); `*` for every other long-running write. */
  operations?: Record<string, OperationDurations>;
}

/** A config value the emulator refuses; `field` is its path (`realism.timeScale`). */
export class InvalidConfigError extends Error {
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`Invalid emulator config: ${field}: ${problem}`);
    this.name = "InvalidConfigError";
    this.field = field;
  }
}

const OPERATION_KEY = /^(\*|(PUT|PATCH|DELETE|POST) [A-Za-z0-9.]+\/[A-Za-z0-9/]+)$/;
const DAY_MS = 86_400_000;
const delay = z.number().min(0).max(DAY_MS);

const durations = z
  .strictObject({ minMs: delay, maxMs: delay, retryAfterSeconds: z.number().int().min(1).max(3600).optional() })
  .refine((d) => d.minMs <= d.maxMs, { message: "minMs must not exceed maxMs", path: ["maxMs"] });

const realismSchema = z.strictObject({
  profile: z.enum(["off", "azure"]),
  timeScale: z.number().gt(0).max(100).optional(),
  seed: z.number().int().optional(),
  principalReplicationMs: delay.optional(),
  principalTypeSkipsLookup: z.boolean().optional(),
  roleAssignmentPropagationMs: delay.optional(),
  listLagMs: delay.optional(),
  storageAccountLock: z.boolean().optional(),
  operations: z
    .record(
      z
        .string()
        .regex(OPERATION_KEY, 'expected "*" or "METHOD Namespace/type", e.g. "PUT Microsoft.Storage/storageAccounts"'),
      durations,
    )
    .optional(),
});

/** `realism.operations["PUT Microsoft.Storage/storageAccounts"].maxMs`: the path a person finds in their JSON. */
function fieldOf(path: readonly PropertyKey[]): string {
  let out = "realism";
  for (const part of path) {
    const key = String(part);
    out += /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** Checks `config.realism` (after merging), naming the first bad field. */
export function validateRealismConfig(value: unknown): RealismConfig {
  const parsed = realismSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (!issue) throw new InvalidConfigError("realism", "invalid");
  if (issue.code === "unrecognized_keys") {
    throw new InvalidConfigError(fieldOf([...issue.path, issue.keys[0] ?? ""]), "unknown setting");
  }
  // A bad operation key: zod's own message is "Invalid key in record"; the key's rule says what is expected.
  const problem = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  throw new InvalidConfigError(fieldOf(issue.path), problem);
}
