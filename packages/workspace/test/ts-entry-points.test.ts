// Every TypeScript entry point runs through tsx: each package.json script and each workflow `run:` line.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { commandsOf, tsEntryProblem } from "../src/ts-entry-point.ts";
import { repoRoot } from "./repo-root.ts";

interface Line {
  where: string;
  line: string;
}

async function packageScripts(): Promise<Line[]> {
  const dirs = [".", ...(await readdir(join(repoRoot, "packages"))).map((name) => join("packages", name))];
  const lines: Line[] = [];
  for (const dir of dirs) {
    const text = await readFile(join(repoRoot, dir, "package.json"), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const scripts = (JSON.parse(text) as { scripts?: Record<string, string> }).scripts ?? {};
    for (const [name, line] of Object.entries(scripts)) lines.push({ where: `${dir}/package.json ${name}`, line });
  }
  return lines;
}

async function workflowRunLines(): Promise<Line[]> {
  const dir = join(repoRoot, ".github", "workflows");
  const lines: Line[] = [];
  for (const file of (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name))) {
    const workflow = parse(await readFile(join(dir, file), "utf8")) as {
      jobs?: Record<string, { steps?: { name?: string; run?: string }[] }>;
    };
    for (const [job, { steps = [] }] of Object.entries(workflow.jobs ?? {})) {
      for (const step of steps.filter((entry) => entry.run !== undefined)) {
        for (const line of (step.run ?? "").split("\n")) lines.push({ where: `${file} ${job}: ${step.name}`, line });
      }
    }
  }
  return lines;
}

const problemsOf = (lines: Line[]) =>
  lines.flatMap(({ where, line }) =>
    commandsOf(line)
      .map(tsEntryProblem)
      .filter((problem) => problem !== undefined)
      .map((problem) => `${where}: ${problem}`),
  );

describe("TypeScript entry points", () => {
  it.each([
    ["node --import tsx/esm scripts/infra.ts plan", true],
    ["node --import=tsx/esm src/main.ts audit", true],
    ["biome check scripts && node --import tsx/esm scripts/lint-workflows.ts", true],
    ['FOO=1 pnpm exec node --import tsx/esm "src/main.ts"', true],
    ["vitest run test/credential-parity.emulator.test.ts", true],
    ["tsc -p tsconfig.json", true],
    ['pnpm run plan -- --env "$ENVIRONMENT" --out plan.json', true],
    ["node src/main.ts plan", false],
    ["node --import tsx src/main.ts", false],
    ["biome check . && node scripts/lint-workflows.ts", false],
    ["tsx src/main.ts", false],
    ["ts-node src/main.ts", false],
    ["pnpm exec node --experimental-strip-types bench/run.ts", false],
  ])("%j runs through tsx: %s", (line, throughTsx) => {
    expect(
      commandsOf(line)
        .map(tsEntryProblem)
        .every((problem) => problem === undefined),
    ).toBe(throughTsx);
  });

  it("run through tsx in every package.json script", async () => {
    const lines = await packageScripts();
    expect(lines.filter(({ line }) => line.includes("--import tsx/esm")).length).toBeGreaterThan(20);
    expect(problemsOf(lines)).toEqual([]);
  });

  it("run through tsx in every workflow run step", async () => {
    const lines = await workflowRunLines();
    expect(lines.filter(({ line }) => line.includes("--import tsx/esm")).length).toBeGreaterThan(1);
    expect(problemsOf(lines)).toEqual([]);
  });
});
