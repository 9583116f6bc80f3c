// `pnpm run new-task <name>` must produce a working task, listed by one line, that passes lint, typecheck and test
// unchanged and takes part in the root commands' plan.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyWorkspace, quietEnv, run } from "./temp-workspace.ts";

const git = (dir: string, ...args: string[]) =>
  run("git", ["-c", "user.name=workspace-test", "-c", "user.email=workspace-test@localhost", ...args], {
    cwd: dir,
    env: quietEnv,
  });

describe("pnpm run new-task", () => {
  let workspace: Awaited<ReturnType<typeof copyWorkspace>>;
  beforeAll(async () => {
    workspace = await copyWorkspace();
    // The copy has no history: record it as it is, so what the scaffold changes is what git reports.
    await git(workspace.dir, "init", "--quiet");
    await git(workspace.dir, "add", "--all");
    await git(workspace.dir, "commit", "--quiet", "--message", "before new-task");
    await run("pnpm", ["run", "new-task", "demo-task"], { cwd: workspace.dir, env: quietEnv });
  }, 240_000);
  afterAll(async () => {
    await workspace?.remove();
  });

  it("changes the new package, one line of the task list and the lockfile, and nothing else", async () => {
    const { stdout: status } = await git(workspace.dir, "status", "--porcelain", "--untracked-files=normal");
    expect(status.split("\n").filter(Boolean).sort()).toEqual([
      " M packages/tasks/package.json",
      " M pnpm-lock.yaml",
      "?? packages/demo-task/",
    ]);
    const { stdout: listDiff } = await git(workspace.dir, "diff", "--unified=0", "packages/tasks/package.json");
    const changed = listDiff.split("\n").filter((line) => /^[-+](?![-+])/.test(line));
    expect(changed).toEqual(['+    "@infra/demo-task": "workspace:*",']);
  });

  it("scaffolds demo-task that passes lint, typecheck and test", async () => {
    const { stdout } = await run(
      "pnpm",
      ["exec", "turbo", "run", "lint", "typecheck", "test", "--filter", "@infra/demo-task"],
      { cwd: workspace.dir, env: quietEnv },
    );
    expect(stdout).toMatch(/@infra\/demo-task:test: .*2 passed/);
    expect(stdout).toMatch(/Tasks:\s+3 successful, 3 total/);
  }, 120_000);

  it("takes part in the root plan, its section in the environment schema", async () => {
    const emulator = await startEmulator();
    try {
      // The saved plan names every task that planned (a task with no kinds has no changes to show).
      const saved = join(workspace.dir, "plan.json");
      await run("pnpm", ["run", "--silent", "plan", "--", "--env", "local", "--out", saved], {
        cwd: workspace.dir,
        env: { ...quietEnv, ...emulator.env("ops"), NO_COLOR: "1" },
      });
      const plan = JSON.parse(await readFile(saved, "utf8")) as { tasks: string[] };
      expect(plan.tasks).toContain("demo-task");
      expect(plan.tasks).toContain("storage");
    } finally {
      await emulator.close();
    }
  }, 180_000);

  it("refuses a name that is not kebab-case, with exit 2", async () => {
    const failure = await run("pnpm", ["run", "new-task", "Demo_Task"], { cwd: workspace.dir, env: quietEnv }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/not a kebab-case name/);
  });
});
