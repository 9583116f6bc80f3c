import type { Logger } from "@infra/cli";
import type { ResourceKind } from "@infra/plan";

/**
 * ARM answers that mean "not yet" rather than "no", as Microsoft documents them, and how long each may last. The
 * Azure SDKs retry throttling (429) and server errors (5xx) themselves; these are 4xx answers they treat as final.
 * Anything not listed here is final: retrying a mistake only hides it.
 */
export const TRANSIENT_ANSWERS: readonly {
  readonly status: number;
  readonly code: string;
  readonly why: string;
  /** How long to keep trying, from the first refusal. */
  readonly withinMs: number;
}[] = [
  // "Troubleshoot Azure RBAC": a principal created moments ago is not yet replicated; principalType avoids the lookup
  // in most cases, and where it does not, replication takes seconds to minutes.
  {
    status: 400,
    code: "PrincipalNotFound",
    why: "the directory has not replicated the principal yet",
    withinMs: 5 * 60_000,
  },
  // Storage resource provider error codes: a write to an account while another write on it runs.
  {
    status: 409,
    code: "StorageAccountOperationInProgress",
    why: "another operation on the storage account is still running",
    withinMs: 3 * 60_000,
  },
  // Resource Manager: a write to a resource while another operation on it runs.
  {
    status: 409,
    code: "AnotherOperationInProgress",
    why: "another operation on the resource is still running",
    withinMs: 3 * 60_000,
  },
];

const FIRST_WAIT_MS = 2_000;
const LONGEST_WAIT_MS = 30_000;

function transientAnswerOf(error: unknown) {
  const { statusCode, code } = (error ?? {}) as { statusCode?: number; code?: string };
  return TRANSIENT_ANSWERS.find((answer) => answer.status === statusCode && answer.code === code);
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", stop, { once: true });
  });
}

/**
 * Runs one write, trying it again while ARM answers one of TRANSIENT_ANSWERS, waiting 2 s, then twice as long each
 * time up to 30 s, for as long as that answer may last. Each retry is logged (visible with --verbose). The signal
 * (the run stopping, the change's deadline) ends the waiting too.
 */
export async function retryTransientAnswers<T>(
  what: string,
  write: () => Promise<T>,
  options: { signal: AbortSignal; log?: Logger | undefined; firstWaitMs?: number },
): Promise<T> {
  let waitMs = options.firstWaitMs ?? FIRST_WAIT_MS;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const answer = transientAnswerOf(error);
      if (!answer || Date.now() - started + waitMs > answer.withinMs || options.signal.aborted) throw error;
      options.log?.debug(
        "retry => %s: %d %s (%s); attempt %d in %ds",
        what,
        answer.status,
        answer.code,
        answer.why,
        attempt + 1,
        Math.round(waitMs / 1000),
      );
      await wait(waitMs, options.signal);
      waitMs = Math.min(waitMs * 2, LONGEST_WAIT_MS);
    }
  }
}

/** The kind, its writes retried through retryTransientAnswers (its reads are the SDK's to retry). */
export function retryingTransientAnswers(kind: ResourceKind, log?: Logger): ResourceKind {
  const retried = <T>(what: string, signal: AbortSignal, write: () => Promise<T>) =>
    retryTransientAnswers(what, write, { signal, log });
  return {
    ...kind,
    create: (desired, signal) => retried(`create ${desired.address}`, signal, () => kind.create(desired, signal)),
    update: (desired, live, diff, signal) =>
      retried(`update ${desired.address}`, signal, () => kind.update(desired, live, diff, signal)),
    delete: (live, signal) => retried(`delete ${live.id}`, signal, () => kind.delete(live, signal)),
  };
}
