// `pnpm run new-task <name>` must produce a package that passes lint, typecheck and test unchanged.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyWorkspace, quietEnv, run } from "./temp-workspace.ts";

describe("pnpm run new-task", () => {
  let workspace: Awaited<ReturnType<typeof copyWorkspace>>;
  beforeAll(async () => {
    workspace = await copyWorkspace();
    await run("pnpm", ["run", "new-task", "demo-task"], { cwd: workspace.dir, env: quietEnv });
  }, 180_000);
  afterAll(async () => {
    await workspace?.remove();
  });

  it("scaffolds demo-task that passes lint, typecheck and test", async () => {
    const { stdout } = await run(
      "pnpm",
      ["exec", "turbo", "run", "lint", "typecheck", "test", "--filter", "@infra/demo-task"],
      { cwd: workspace.dir, env: quietEnv },
    );
    expect(stdout).toMatch(/@infra\/demo-task:test: .*1 passed/);
    expect(stdout).toMatch(/Tasks:\s+3 successful, 3 total/);
  }, 120_000);

  it("scaffolds a main.ts that runs through tsx, as the task scripts run it", async () => {
    const { stdout } = await run("pnpm", ["exec", "node", "--import", "tsx/esm", "src/main.ts", "--json"], {
      cwd: join(workspace.dir, "packages", "demo-task"),
      env: quietEnv,
    });
    expect(JSON.parse(stdout)).toEqual({ task: "demo-task", description: "demo-task: nothing yet" });
  });

  it("refuses a name that is not kebab-case, with exit 2", async () => {
    const failure = await run("pnpm", ["run", "new-task", "Demo_Task"], { cwd: workspace.dir, env: quietEnv }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/not a kebab-case name/);
  });
});
