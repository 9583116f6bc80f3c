import { hostname } from "node:os";

/** Who holds an environment's lock, as its container's metadata records it for the next run to name. */
export interface LockHolder {
  /** The signed-in identity: `service principal <appId>`, `user <upn>`. */
  readonly principal: string;
  readonly host: string;
  readonly pid: string;
  /** `provision`, `destroy`. */
  readonly command: string;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** The CI run, when there is one (GitHub Actions: its run URL). */
  readonly run?: string | undefined;
}

/** This process as a lock holder. */
export function thisRun(principal: string, command: string, env: NodeJS.ProcessEnv, now = new Date()): LockHolder {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  return {
    principal,
    host: hostname(),
    pid: String(process.pid),
    command,
    since: now.toISOString(),
    run: server && repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined,
  };
}

// Container metadata names are C# identifiers and values travel as HTTP headers: ASCII, no line breaks.
const ascii = (value: string): string => value.replace(/[^\x20-\x7e]/g, "?").slice(0, 256);

export function holderMetadata(holder: LockHolder): Record<string, string> {
  return {
    holder: ascii(holder.principal),
    host: ascii(holder.host),
    pid: ascii(holder.pid),
    command: ascii(holder.command),
    since: ascii(holder.since),
    ...(holder.run ? { run: ascii(holder.run) } : {}),
  };
}

export function holderFromMetadata(metadata: Record<string, string> | undefined): LockHolder | undefined {
  if (!metadata?.holder || !metadata.since) return undefined;
  return {
    principal: metadata.holder,
    host: metadata.host ?? "?",
    pid: metadata.pid ?? "?",
    command: metadata.command ?? "?",
    since: metadata.since,
    run: metadata.run,
  };
}
