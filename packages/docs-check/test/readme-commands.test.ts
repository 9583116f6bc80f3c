import { readFileSync } from "node:fs";
import { type Emulator, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractShellCommands } from "../src/extract-shell-commands.ts";
import { README_COMMANDS } from "../src/readme-command-policy.ts";
import { readmePath, repoRoot } from "../src/repo-paths.ts";
import { runReadmeCommand } from "../src/run-readme-command.ts";

const commands = extractShellCommands(readFileSync(readmePath, "utf8"));

// Inherited Azure and GitHub variables are dropped: nothing here may reach real Azure or a real job summary.
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(AZURE_|ACTIONS_|IDENTITY_|MSI_|GITHUB_)/.test(name)),
);

describe("README.md commands", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it("are each listed in README_COMMANDS, and every entry there is still in the README", () => {
    const written = commands.map((entry) => entry.command);
    const unlisted = written.filter((command) => !(command in README_COMMANDS));
    const gone = Object.keys(README_COMMANDS).filter((command) => !written.includes(command));
    expect(unlisted, "add these README commands to README_COMMANDS in src/readme-command-policy.ts").toEqual([]);
    expect(gone, "these README_COMMANDS entries are no longer in README.md; remove them").toEqual([]);
  });

  for (const { command, line } of commands) {
    const policy = README_COMMANDS[command];
    if (policy?.kind !== "run") {
      it.skip(`README.md:${line} \`${command}\` - not run: ${policy?.reason ?? "unlisted"}`, () => {});
      continue;
    }
    it(`README.md:${line} \`${command}\` exits ${policy.expect}`, async () => {
      const env = { ...baseEnv, ...emulator.env("ops"), NO_COLOR: "1", TURBO_TELEMETRY_DISABLED: "1" };
      const result = await runReadmeCommand(command, policy, { cwd: repoRoot, env });
      const tail = result.output.split("\n").slice(-40).join("\n");
      expect(result.code, `\`${command}\` exited ${result.code}; last output:\n${tail}`).toBe(policy.expect);
      for (const text of policy.shows) expect(result.output, `\`${command}\` output`).toContain(text);
    });
  }
});
