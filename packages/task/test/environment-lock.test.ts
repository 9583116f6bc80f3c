import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EnvironmentLockedError, environmentLockPath, withEnvironmentLock } from "../src/environment-lock.ts";

const key = {
  resourceManagerEndpoint: "https://management.azure.com/",
  subscriptionId: "11111111-0000-4000-8000-000000000001",
  environment: "dev",
};
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "env-lock-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pid that existed and is gone: a finished child's. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("withEnvironmentLock", () => {
  it("refuses a second run of the same environment while the first holds it, naming the holder", async () => {
    const error = await withEnvironmentLock(key, { command: "provision", dir }, () =>
      withEnvironmentLock(key, { command: "destroy", dir }, async () => "second ran").catch(
        (caught: unknown) => caught,
      ),
    );
    expect(error).toBeInstanceOf(EnvironmentLockedError);
    expect((error as EnvironmentLockedError).exitCode).toBe(1);
    expect((error as Error).message).toMatch(
      new RegExp(
        `being changed by provision \\(pid ${process.pid} on ${hostname()}, started .*\\); nothing was changed`,
      ),
    );
    expect((error as Error).message).toContain(environmentLockPath(key, dir));
  });

  it("releases the lock when the work ends, also when it throws", async () => {
    await expect(
      withEnvironmentLock(key, { command: "provision", dir }, async () => {
        throw new Error("apply failed");
      }),
    ).rejects.toThrow("apply failed");
    await expect(withEnvironmentLock(key, { command: "provision", dir }, async () => "ran")).resolves.toBe("ran");
    expect(await readdir(dir)).toEqual([]);
  });

  it("takes over a stale lock: its process is gone (crash, SIGKILL)", async () => {
    const stale = {
      pid: deadPid(),
      host: hostname(),
      startedAt: "2026-01-01T00:00:00.000Z",
      command: "provision",
      token: "x",
    };
    await writeFile(environmentLockPath(key, dir), JSON.stringify(stale));
    await expect(withEnvironmentLock(key, { command: "provision", dir }, async () => "ran")).resolves.toBe("ran");
  });

  it("does not take over a lock held by a live process, nor one from another host", async () => {
    for (const holder of [
      { pid: process.ppid, host: hostname() },
      { pid: deadPid(), host: "some-other-host" },
    ]) {
      await writeFile(
        environmentLockPath(key, dir),
        JSON.stringify({ ...holder, startedAt: "", command: "provision", token: "x" }),
      );
      await expect(withEnvironmentLock(key, { command: "provision", dir }, async () => "ran")).rejects.toBeInstanceOf(
        EnvironmentLockedError,
      );
    }
  });

  it("keys on cloud, subscription and environment: other environments run at once", async () => {
    const others = [
      { ...key, environment: "prod" },
      { ...key, subscriptionId: "22222222-0000-4000-8000-000000000002" },
      { ...key, resourceManagerEndpoint: "https://127.0.0.1:8443" },
    ];
    const ran = await withEnvironmentLock(key, { command: "provision", dir }, () =>
      Promise.all(others.map((other) => withEnvironmentLock(other, { command: "provision", dir }, async () => true))),
    );
    expect(ran).toEqual([true, true, true]);
  });

  it("of many runs started at once, exactly one gets the lock", async () => {
    let inside = 0;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        withEnvironmentLock(key, { command: "provision", dir }, async () => {
          inside += 1;
          await new Promise((resolve) => setImmediate(resolve));
          return inside;
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
  });
});
