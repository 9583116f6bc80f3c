// `pnpm run new-task <name>` must produce a package that passes lint, typecheck and test unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyWorkspace, quietEnv, run } from "./temp-workspace.ts";

describe("pnpm run new-task", () => {
  let workspace: Awaited<ReturnType<typeof copyWorkspace>>;
  beforeAll(async () => {
    workspace = await copyWorkspace();
  }, 120_000);
  afterAll(async () => {
    await workspace?.remove();
  });

  it("scaffolds demo-task that passes lint, typecheck and test", async () => {
    await run("pnpm", ["run", "new-task", "demo-task"], { cwd: workspace.dir, env: quietEnv });
    const { stdout } = await run(
      "pnpm",
      ["exec", "turbo", "run", "lint", "typecheck", "test", "--filter", "@infra/demo-task"],
      { cwd: workspace.dir, env: quietEnv },
    );
    expect(stdout).toMatch(/@infra\/demo-task:test: .*1 passed/);
    expect(stdout).toMatch(/Tasks:\s+3 successful, 3 total/);
  }, 120_000);

  it("refuses a name that is not kebab-case, with exit 2", async () => {
    const failure = await run("pnpm", ["run", "new-task", "Demo_Task"], { cwd: workspace.dir, env: quietEnv }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/not a kebab-case name/);
  });
});
