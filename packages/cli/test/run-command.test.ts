import { createHttpHeaders, createPipelineRequest, RestError } from "@azure/core-rest-pipeline";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defineCommand } from "../src/command-definition.ts";
import { ConfigError, InterruptedError, UsageError } from "../src/errors.ts";
import { ExitCode } from "../src/exit-codes.ts";
import { needsAttention } from "../src/needs-attention.ts";
import { runCommand } from "../src/run-command.ts";
import { capture } from "./capture.ts";

afterEach(() => {
  // runCommand sets it on purpose; the test worker must not exit with it.
  process.exitCode = undefined;
});

function io(env: NodeJS.ProcessEnv = {}) {
  return { stdout: capture(), stderr: capture(), env, handleSigint: false };
}

const audit = defineCommand({
  name: "audit",
  summary: "Check Azure against the baseline.",
  usage: "  --fail-on LEVEL   exit 3 when a finding is at or above LEVEL",
  options: { "fail-on": { type: "string" }, format: { type: "string", default: "text" } },
  run(context) {
    context.printResult({ flags: context.flags, values: context.values }, (r) => `env=${r.flags.env}`);
  },
});

function throwing(error: unknown) {
  return defineCommand({
    name: "boom",
    summary: "Throws.",
    run() {
      throw error;
    },
  });
}

const restError = (() => {
  const request = createPipelineRequest({
    url: "https://management.azure.com/subscriptions/s1/resourcegroups/rg-dev?api-version=2025-04-01",
    method: "DELETE",
  });
  return new RestError("The scope is locked.", {
    code: "ScopeLocked",
    statusCode: 409,
    request,
    response: { request, status: 409, headers: createHttpHeaders({ "x-ms-request-id": "rid-9" }) },
  });
})();

describe("runCommand: exit codes", () => {
  it("returns 0, sets process.exitCode and prints the result to stdout only", async () => {
    const out = io();
    const code = await runCommand(audit, ["--env", "dev"], out);
    expect(code).toBe(ExitCode.ok);
    expect(process.exitCode).toBe(0);
    expect(out.stdout.text).toBe("env=dev\n");
    expect(out.stderr.text).toBe("");
  });

  it.each([
    ["UsageError", new UsageError("--fail-on needs a level"), 2, "error: --fail-on needs a level"],
    [
      "ConfigError",
      new ConfigError("environment dev is invalid", [{ path: "dev.json: a", message: "x" }]),
      2,
      "error: environment dev is invalid",
    ],
    ["RestError", restError, 1, "error: delete resource group 'rg-dev' failed: ScopeLocked (HTTP 409)"],
    ["InterruptedError", new InterruptedError("stopped by user"), 130, "interrupted: stopped by user"],
    [
      "an AbortError",
      Object.assign(new Error("The operation was aborted."), { name: "AbortError" }),
      130,
      "interrupted:",
    ],
    ["a plain Error", new Error("disk full"), 1, "error: disk full"],
    ["a TypeError", new TypeError("x is not a function"), 1, "error: TypeError: x is not a function"],
    ["a string", "just a string", 1, "error: just a string"],
  ])("%s exits %i", async (_, error, expected, firstLine) => {
    const out = io();
    expect(await runCommand(throwing(error), [], out)).toBe(expected);
    expect(process.exitCode).toBe(expected);
    expect(out.stderr.text.startsWith(firstLine)).toBe(true);
    expect(out.stdout.text).toBe("");
  });

  it("prints every problem of a ConfigError, and no usage", async () => {
    const out = io();
    const error = new ConfigError("environments/dev.json is invalid", [
      { path: "environments/dev.json: location", message: "must be an Azure region" },
      { path: "environments/dev.json: storage.accounts[0].name", message: "3-24 lowercase letters and digits" },
    ]);
    expect(await runCommand(throwing(error), [], out)).toBe(2);
    expect(out.stderr.text).toContain("  environments/dev.json: location: must be an Azure region\n");
    expect(out.stderr.text).toContain(
      "  environments/dev.json: storage.accounts[0].name: 3-24 lowercase letters and digits\n",
    );
    expect(out.stderr.text).not.toContain("Usage:");
  });

  it("prints usage after a UsageError thrown by run", async () => {
    const out = io();
    await runCommand(throwing(new UsageError("no")), [], out);
    expect(out.stderr.text).toContain("Usage: boom [options]");
  });

  it("returns 3 for a result that needs attention", async () => {
    const out = io();
    const command = defineCommand({
      name: "audit",
      summary: "s",
      run: () => needsAttention("2 findings at or above high"),
    });
    expect(await runCommand(command, [], out)).toBe(ExitCode.needsAttention);
    expect(out.stderr.text).toBe("needs attention: 2 findings at or above high\n");
  });

  it("shows the stack only with --verbose", async () => {
    const quiet = io();
    await runCommand(throwing(new Error("disk full")), [], quiet);
    expect(quiet.stderr.text).not.toMatch(/\n\s+at /);
    expect(quiet.stderr.text).toContain("--verbose");

    const loud = io();
    await runCommand(throwing(new Error("disk full", { cause: new Error("EIO") })), ["--verbose"], loud);
    expect(loud.stderr.text).toMatch(/\n\s+at /);
    expect(loud.stderr.text).toContain("caused by: Error: EIO");
  });

  it("exits 130 after a clean stop when the signal aborts", async () => {
    const out = io();
    const controller = new AbortController();
    let sawAbort = false;
    const command = defineCommand({
      name: "provision",
      summary: "s",
      async run({ signal }) {
        controller.abort();
        await new Promise<void>((resolve) => {
          if (signal.aborted) resolve();
          else signal.addEventListener("abort", () => resolve(), { once: true });
        });
        sawAbort = signal.aborted;
      },
    });
    expect(await runCommand(command, [], { ...out, signal: controller.signal })).toBe(ExitCode.interrupted);
    expect(sawAbort).toBe(true);
    expect(out.stderr.text).toContain("interrupted: stopped cleanly");
  });

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("turns a process %s into an aborted signal and exits %i", async (name, code) => {
    const out = { stdout: capture(), stderr: capture(), env: {} };
    const command = defineCommand({
      name: "provision",
      summary: "s",
      async run({ signal }) {
        // Call the listener directly: a real signal to the test worker is what the spawn tests cover.
        const listener = process.listeners(name).at(-1) as () => void;
        listener();
        expect(signal.aborted).toBe(true);
      },
    });
    const before = process.listenerCount(name);
    expect(await runCommand(command, [], out)).toBe(code);
    expect(process.listenerCount(name)).toBe(before);
    expect(out.stderr.text).toContain(`${name}: stopping after in-flight work; send it again to stop now`);
  });

  it("emits a GitHub ::error:: annotation for a failure inside Actions", async () => {
    const out = io({ GITHUB_ACTIONS: "true" });
    await runCommand(throwing(restError), [], out);
    expect(out.stderr.text).toContain(
      "::error title=boom failed::error: delete resource group 'rg-dev' failed: ScopeLocked",
    );
    expect(out.stdout.text).toBe("");
  });
});

describe("runCommand: flags", () => {
  it("parses the common flags and the command's own", async () => {
    const out = io();
    await runCommand(audit, ["--env", "prod", "--yes", "--json", "--fail-on", "high"], out);
    expect(JSON.parse(out.stdout.text)).toEqual({
      flags: { env: "prod", yes: true, json: true, verbose: false, help: false },
      values: { "fail-on": "high", format: "text" },
    });
  });

  it("ignores a leading -- (pnpm 12 forwards it)", async () => {
    const out = io();
    expect(await runCommand(audit, ["--", "--env", "dev"], out)).toBe(0);
    expect(out.stdout.text).toBe("env=dev\n");
  });

  it.each([
    [["--nope"], "Unknown option '--nope'"],
    [["--env"], "--env"],
    [["--env", "dev prod"], "is not an environment name"],
    [["--env", "dev", "--env-file", "x.json"], "either --env or --env-file"],
    [["--json=yes"], "--json"],
    [["stray"], "stray"],
    [["--", "--", "--env", "dev"], "Unexpected argument '--env'"],
  ])("%j is a usage error: exit 2, usage on stderr, run not called", async (argv, message) => {
    const run = vi.fn();
    const out = io();
    expect(await runCommand({ ...audit, run }, argv, out)).toBe(ExitCode.usage);
    expect(run).not.toHaveBeenCalled();
    expect(out.stderr.text).toMatch(/^error: /);
    expect(out.stderr.text).toContain(message);
    expect(out.stderr.text).toContain("Usage: audit [options]");
    expect(out.stderr.text).toContain("--fail-on LEVEL");
    expect(out.stdout.text).toBe("");
  });

  it("--help prints usage to stdout and exits 0 without running", async () => {
    const run = vi.fn();
    const out = io();
    expect(await runCommand({ ...audit, run }, ["--help"], out)).toBe(0);
    expect(run).not.toHaveBeenCalled();
    expect(out.stdout.text).toContain("audit - Check Azure against the baseline.");
    expect(out.stdout.text).toContain("--env NAME");
    expect(out.stdout.text).toContain("4 declined, 130/143/129 interrupted");
  });

  it("refuses a command that redefines a common flag (exit 1)", async () => {
    const out = io();
    const bad = defineCommand({ name: "bad", summary: "s", options: { json: { type: "string" } }, run: vi.fn() });
    expect(await runCommand(bad, [], out)).toBe(ExitCode.failure);
    expect(out.stderr.text).toContain("redefines common flag --json");
  });
});

describe("usage text", () => {
  it("lists a command's own flags when it gives no usage text", async () => {
    const out = io();
    const command = defineCommand({
      name: "plan",
      summary: "Show changes.",
      options: { "detailed-exitcode": { type: "boolean" }, out: { type: "string" } },
      run: vi.fn(),
    });
    await runCommand(command, ["--help"], out);
    expect(out.stdout.text).toContain("Options:\n  --detailed-exitcode\n  --out VALUE\n");
  });
});
