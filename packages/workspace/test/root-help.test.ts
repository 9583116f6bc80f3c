// Every root command answers `pnpm run <command> -- --help` with its usage and exit 0, starting nothing.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./repo-root.ts";
import { quietEnv, run } from "./temp-workspace.ts";

/** Root scripts that are the repository's own checks, not commands a person runs against Azure. */
const checks = new Set(["test", "lint", "lint:root", "typecheck"]);
/** The commands that change things in Azure or on disk: the only ones whose help offers --yes. */
const changing = new Set(["provision", "destroy", "unlock", "bootstrap:github"]);

const rootScripts = async () =>
  Object.keys(
    (JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts,
  );

describe("pnpm run <command> -- --help", () => {
  it("is covered for every root command", async () => {
    expect((await rootScripts()).filter((name) => !checks.has(name)).sort()).toEqual(
      [
        "audit",
        "bench",
        "bootstrap:github",
        "demo",
        "destroy",
        "emulator",
        "new-task",
        "plan",
        "provision",
        "rehearse",
        "unlock",
        "whoami",
      ].sort(),
    );
  });

  it.each([
    "plan",
    "provision",
    "destroy",
    "audit",
    "unlock",
    "whoami",
    "emulator",
    "demo",
    "rehearse",
    "bench",
    "new-task",
    "bootstrap:github",
  ])("%s prints its usage and exits 0", async (command) => {
    // A clean environment: no emulator or Azure sign-in, so any command that did more than print help would fail.
    const env = Object.fromEntries(Object.entries(quietEnv).filter(([name]) => !/^(AZURE_|NODE_EXTRA_CA)/.test(name)));
    const { stdout } = await run("pnpm", ["run", "--silent", command, "--", "--help"], { cwd: repoRoot, env });
    expect(stdout).toMatch(/^Usage: \S/m);
    expect(stdout.split("\n")[0]).toMatch(/^\S+ - \S/);
    const offersYes = /^\s+--yes\b/m.test(stdout);
    expect(offersYes).toBe(changing.has(command));
  });
});
