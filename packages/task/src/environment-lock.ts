import { createHash, randomUUID } from "node:crypto";
import { link, readFile, unlink, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { CliError, ExitCode } from "@infra/cli";

/** Which environment is being changed: the same name in another subscription or cloud is another environment. */
export interface EnvironmentLockKey {
  /** The ARM endpoint (cloud) the run talks to. */
  resourceManagerEndpoint: string;
  subscriptionId: string;
  environment: string;
}

/** What a lock file holds: enough for a person to find the other run, and for the next run to tell it is gone. */
export interface EnvironmentLockHolder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
  /** Tells our own lock from one that replaced it. */
  token: string;
}

export interface EnvironmentLockOptions {
  command: string;
  /** Where lock files live (default: the OS temp dir, shared by every run on this machine). */
  dir?: string | undefined;
}

/** Another run is changing the same environment right now: this one refuses rather than interleave its writes. */
export class EnvironmentLockedError extends CliError {
  readonly holder: EnvironmentLockHolder | undefined;
  readonly lockPath: string;

  constructor(key: EnvironmentLockKey, lockPath: string, holder: EnvironmentLockHolder | undefined) {
    const who = holder
      ? `${holder.command} (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt})`
      : "another run";
    super(
      `environment "${key.environment}" (subscription ${key.subscriptionId}) is being changed by ${who}; nothing was changed. ` +
        `Wait for it to finish and run again; if that process no longer exists, delete ${lockPath}`,
      ExitCode.failure,
    );
    this.name = "EnvironmentLockedError";
    this.holder = holder;
    this.lockPath = lockPath;
  }
}

export function environmentLockPath(key: EnvironmentLockKey, dir: string = tmpdir()): string {
  const id = `${key.resourceManagerEndpoint.replace(/\/+$/, "").toLowerCase()}|${key.subscriptionId.toLowerCase()}|${key.environment}`;
  const digest = createHash("sha256").update(id).digest("hex").slice(0, 16);
  return join(dir, `azure-infra-ops-${key.environment.replace(/[^A-Za-z0-9-]/g, "_")}-${digest}.lock`);
}

async function readHolder(path: string): Promise<EnvironmentLockHolder | undefined | "absent"> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "absent";
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<EnvironmentLockHolder>;
    return typeof parsed.pid === "number" && typeof parsed.host === "string"
      ? (parsed as EnvironmentLockHolder)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A holder is gone only when it ran on this machine and its pid no longer exists; elsewhere we cannot tell. */
function isGone(holder: EnvironmentLockHolder | undefined): boolean {
  if (holder === undefined) return true; // lock files are written whole (link below): garbage was not written by us
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Creates `path` holding `holder`, atomically: it appears complete or not at all (write aside, then hard-link). */
async function createExclusive(path: string, holder: EnvironmentLockHolder): Promise<boolean> {
  const aside = `${path}.${holder.token}.tmp`;
  await writeFile(aside, `${JSON.stringify(holder)}\n`, { mode: 0o644 });
  try {
    await link(aside, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}

async function removeIfHeldBy(path: string, token: string): Promise<void> {
  const current = await readHolder(path);
  if (typeof current === "object" && current.token === token) await unlink(path).catch(() => undefined);
}

/**
 * Runs `work` holding the environment's lock: an exclusive file under the OS temp dir keyed by cloud, subscription
 * and environment, holding pid, host and start time. A second run refuses at once with `EnvironmentLockedError`
 * (exit 1) instead of waiting: its plan was made while the first was changing things and would be stale anyway.
 * A lock whose process is gone (crash, SIGKILL) is stale and taken over; only one of two racing runs can take it
 * over, because breaking it needs a second exclusive file.
 */
export async function withEnvironmentLock<T>(
  key: EnvironmentLockKey,
  options: EnvironmentLockOptions,
  work: () => Promise<T>,
): Promise<T> {
  const path = environmentLockPath(key, options.dir);
  const holder: EnvironmentLockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    command: options.command,
    token: randomUUID(),
  };
  if (!(await createExclusive(path, holder))) {
    const current = await readHolder(path);
    if (current !== "absent" && !isGone(current)) throw new EnvironmentLockedError(key, path, current);
    await takeOverStale(path, key, holder);
  }
  try {
    return await work();
  } finally {
    await removeIfHeldBy(path, holder.token);
  }
}

async function takeOverStale(path: string, key: EnvironmentLockKey, holder: EnvironmentLockHolder): Promise<void> {
  const breaker = `${path}.break`;
  if (!(await createExclusive(breaker, holder))) {
    const breaking = await readHolder(breaker);
    if (breaking !== "absent" && !isGone(breaking)) throw new EnvironmentLockedError(key, path, breaking);
    await unlink(breaker).catch(() => undefined);
    if (!(await createExclusive(breaker, holder))) throw new EnvironmentLockedError(key, path, undefined);
  }
  try {
    // Look again while holding the breaker: another run may have broken the stale lock and taken it already.
    const current = await readHolder(path);
    if (current !== "absent" && !isGone(current)) throw new EnvironmentLockedError(key, path, current);
    await unlink(path).catch(() => undefined);
    if (!(await createExclusive(path, holder))) {
      const winner = await readHolder(path);
      throw new EnvironmentLockedError(key, path, typeof winner === "object" ? winner : undefined);
    }
  } finally {
    await removeIfHeldBy(breaker, holder.token);
  }
}
