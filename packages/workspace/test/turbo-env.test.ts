// turbo's strict env mode would strip credentials from tasks; turbo.json passes them through without hashing them.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./repo-root.ts";

const run = promisify(execFile);

async function turbo(args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await run("pnpm", ["exec", "turbo", ...args], {
    cwd: repoRoot,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", ...env },
  });
  return stdout;
}

function fingerprints(stdout: string): Record<string, string | null> {
  const line = stdout.split("\n").find((text) => text.includes("probe-env {"));
  if (!line) throw new Error(`probe-env printed nothing:\n${stdout}`);
  return JSON.parse(line.slice(line.indexOf("{"))) as Record<string, string | null>;
}

async function taskHash(env: Record<string, string>): Promise<string> {
  const dry = JSON.parse(await turbo(["run", "test", "--filter", "@infra/workspace", "--dry=json"], env)) as {
    tasks: { taskId: string; hash: string }[];
  };
  const task = dry.tasks.find((entry) => entry.taskId === "@infra/workspace#test");
  if (!task) throw new Error("turbo dry run listed no @infra/workspace#test task");
  return task.hash;
}

describe("turbo pass-through environment", () => {
  it("delivers AZURE_CLIENT_ID and ACTIONS_ID_TOKEN_REQUEST_TOKEN to a task", async () => {
    const first = fingerprints(
      await turbo(["run", "probe-env", "--filter", "@infra/workspace"], {
        AZURE_CLIENT_ID: "client-one",
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: "request-token-one",
      }),
    );
    const second = fingerprints(
      await turbo(["run", "probe-env", "--filter", "@infra/workspace"], {
        AZURE_CLIENT_ID: "client-two",
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: "request-token-two",
      }),
    );
    expect(first.AZURE_CLIENT_ID).toMatch(/^[0-9a-f]{12}$/);
    expect(first.ACTIONS_ID_TOKEN_REQUEST_TOKEN).toMatch(/^[0-9a-f]{12}$/);
    // Different values arrive as different fingerprints: the task saw the real variables.
    expect(second.AZURE_CLIENT_ID).not.toBe(first.AZURE_CLIENT_ID);
    expect(second.ACTIONS_ID_TOKEN_REQUEST_TOKEN).not.toBe(first.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  });

  it("keeps them out of the task hash", async () => {
    const one = await taskHash({ AZURE_CLIENT_ID: "client-one", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "secret-one" });
    const two = await taskHash({ AZURE_CLIENT_ID: "client-two", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "secret-two" });
    expect(two).toBe(one);
  });

  it("prints no telemetry notice", async () => {
    const { stdout, stderr } = await run(
      "pnpm",
      ["exec", "turbo", "run", "probe-env", "--filter", "@infra/workspace"],
      {
        cwd: repoRoot,
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
      },
    );
    expect(`${stdout}${stderr}`).not.toMatch(/telemetry/i);
  });
});
