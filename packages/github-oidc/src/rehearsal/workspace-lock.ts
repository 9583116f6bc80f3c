import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { open, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** How often a waiting rehearsal looks whether the checkout is free again. */
const POLL_MS = 250;
/** A lock file still empty after this long lost its creator between creating and writing it. */
const EMPTY_LOCK_MS = 5_000;

/**
 * Holds a checkout for one rehearsal at a time. A rehearsal's jobs run in the checkout itself and move what each job
 * leaves there into the job's artifacts (a runner gives every job a fresh checkout), so a second rehearsal in the same
 * checkout would see, and take, the first one's files. The lock is a file in the temporary directory named after the
 * checkout's real path and holding the owner's process id: a lock whose process is gone is taken over.
 */
export async function lockWorkspace(
  workspace: string,
  options: { output: NodeJS.WritableStream; signal?: AbortSignal | undefined },
): Promise<() => Promise<void>> {
  const key = createHash("sha256").update(realpathSync(workspace)).digest("hex").slice(0, 16);
  const path = join(tmpdir(), `infra-rehearsal-${key}.lock`);
  let told = false;
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      const file = await open(path, "wx");
      await file.writeFile(String(process.pid));
      await file.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number((await readFile(path, "utf8").catch(() => "")).trim());
    if (!isRunning(owner)) {
      // Its process ended without letting go (killed): the checkout is free. A lock just created and not yet written
      // reads as empty: it is left to its creator for a few seconds.
      const age = Date.now() - ((await stat(path).catch(() => undefined))?.mtimeMs ?? 0);
      if (owner > 0 || age > EMPTY_LOCK_MS) await rm(path, { force: true });
      else await sleep(POLL_MS);
      continue;
    }
    if (!told) {
      options.output.write(`waiting for the rehearsal in process ${owner} to finish: it runs in this checkout too\n`);
      told = true;
    }
    await sleep(POLL_MS, undefined, { signal: options.signal });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
