// `pnpm run plan -- --format mermaid` prints the plan as a diagram Mermaid draws; --json with another format is refused.
import { type Emulator, startEmulator } from "@infra/emulator";
import { loadMermaid, parseMermaid } from "@infra/plan/mermaid-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRoot } from "../src/root-command.ts";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
  await loadMermaid();
}, 60_000);
afterAll(async () => {
  await emulator?.close();
});

describe("pnpm run plan --format", () => {
  it("mermaid: the changes alone, as a flowchart Mermaid parses", async () => {
    const result = await runRoot("plan", ["--env", "local", "--format", "mermaid"], { env: emulator.env("ops") });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^flowchart LR\n/);
    expect(result.stdout).toContain(":::create");
    expect(result.stdout).not.toContain("Plan:");
    expect(await parseMermaid(result.stdout)).toBe("flowchart-v2");
  }, 120_000);

  it("--json with --format mermaid is a usage error, before any read", async () => {
    const result = await runRoot("plan", ["--env", "local", "--format", "mermaid", "--json"], {
      env: emulator.env("ops"),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--json prints JSON: it cannot go with --format mermaid");
  }, 60_000);
});
