import { parseDuration, UsageError } from "@infra/cli";
import type { Environment } from "@infra/environments";

/**
 * How long an apply waits before it gives up on an operation, and on the whole. Most ARM operations end in seconds;
 * a storage account can take minutes, a group's delete (everything in it) longer. Past its deadline an operation is
 * abandoned (Azure may still finish it; a re-run converges) and the apply fails naming it.
 */
const DEFAULT_OPERATION_MS: Readonly<Record<string, number>> = {
  "Microsoft.Storage/storageAccounts": 30 * 60_000,
  "Microsoft.Resources/resourceGroups": 60 * 60_000,
};
const DEFAULT_ANY_OPERATION_MS = 10 * 60_000;
const DEFAULT_APPLY_MS = 3 * 60 * 60_000;

export interface ApplyDeadlines {
  /** The deadline of one change's operation, by its ARM type. */
  operationMs(kind: string): number;
  applyMs: number;
}

export interface DeadlineFlags {
  /** `--operation-timeout`: every operation, whatever its type. */
  operationTimeout?: string | undefined;
  /** `--timeout`: the whole apply. */
  timeout?: string | undefined;
}

function flagDuration(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === undefined) throw new UsageError(`${flag} ${value}: not a duration; write it like 90s, 45m, 2h or 1h30m`);
  return ms;
}

/** The flag wins, then the environment file's `deadlines`, then the defaults above. Bad flags fail here (exit 2). */
export function applyDeadlines(environment: Environment, flags: DeadlineFlags): ApplyDeadlines {
  const everyOperation = flagDuration("--operation-timeout", flags.operationTimeout);
  const apply = flagDuration("--timeout", flags.timeout);
  const fromFile = environment.deadlines?.operations ?? {};
  const fileMs = (key: string) => {
    const text = Object.entries(fromFile).find(([type]) => type.toLowerCase() === key.toLowerCase())?.[1];
    return text === undefined ? undefined : parseDuration(text);
  };
  const fileApply = environment.deadlines?.apply;
  return {
    operationMs: (kind) =>
      everyOperation ?? fileMs(kind) ?? fileMs("default") ?? DEFAULT_OPERATION_MS[kind] ?? DEFAULT_ANY_OPERATION_MS,
    applyMs: apply ?? (fileApply === undefined ? undefined : parseDuration(fileApply)) ?? DEFAULT_APPLY_MS,
  };
}

/** The usage lines of the two flags. */
export const deadlineUsage = `  --operation-timeout D abandon any one operation after D (default: 30m storage accounts, 60m group deletes, 10m others)
  --timeout D           stop the whole apply after D (default 3h); both also in the environment file's deadlines`;
