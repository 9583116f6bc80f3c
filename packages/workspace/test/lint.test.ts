// `pnpm lint` must catch a planted lint error, a focused test and an invalid workflow file.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyWorkspace, quietEnv, run } from "./temp-workspace.ts";

type Failure = { code: number; stdout: string; stderr: string };
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: 0, stdout: "", stderr: "" }) as Failure,
    (error: Failure) => error,
  );

describe("pnpm lint", () => {
  let workspace: Awaited<ReturnType<typeof copyWorkspace>>;
  beforeAll(async () => {
    workspace = await copyWorkspace();
  }, 120_000);
  afterAll(async () => {
    await workspace?.remove();
  });

  const lintWorkspacePackage = () =>
    run("pnpm", ["exec", "turbo", "run", "lint", "--filter", "@infra/workspace"], {
      cwd: workspace.dir,
      env: quietEnv,
    });

  it("fails on a planted lint error and on a focused test", async () => {
    await lintWorkspacePackage(); // clean before the plant, so the failure below is the plant's

    const file = join(workspace.dir, "packages", "workspace", "test", "planted.test.ts");
    await writeFile(file, 'import { it } from "vitest";\n\nit.only("focused", () => {\n  if (1 == 1) debugger;\n});\n');
    const failure = await failureOf(lintWorkspacePackage());
    expect(failure.code).not.toBe(0);
    const output = failure.stdout + failure.stderr;
    expect(output).toMatch(/noFocusedTests/);
    expect(output).toMatch(/noDebugger/);
  }, 120_000);

  it("fails on an invalid workflow file", async () => {
    await run("pnpm", ["exec", "node", "--import", "tsx/esm", "scripts/lint-workflows.ts"], {
      cwd: workspace.dir,
      env: quietEnv,
    });
    await writeFile(
      join(workspace.dir, ".github", "workflows", "broken.yml"),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template placeholder
      "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n      - uses: actions/checkout@v4\n        with: 3\n",
    );
    const failure = await failureOf(
      run("pnpm", ["exec", "node", "--import", "tsx/esm", "scripts/lint-workflows.ts"], {
        cwd: workspace.dir,
        env: quietEnv,
      }),
    );
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/broken\.yml:\d+:\d+:/);
  }, 120_000);
});
