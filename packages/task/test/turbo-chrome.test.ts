import { describe, expect, it } from "vitest";
import { failedTaskPackage, isTurboChrome } from "../src/turbo-chrome.ts";

describe("isTurboChrome", () => {
  it.each([
    "   • Packages in scope: @infra/audit, @infra/auth",
    "   • Running plan in 12 packages",
    " Tasks:    2 successful, 2 total",
    "Cached:    0 cached, 2 total",
    "  Time:    3.35s ",
    "@infra/storage:plan: cache bypass, force executing 691f9eb749ebcac4",
    "@infra/storage:plan: $ node --import tsx/esm src/main.ts plan --env local",
    "@infra/storage:audit: [ELIFECYCLE] Command failed with exit code 3.",
    "",
  ])("hides turbo's own line %j", (line) => {
    expect(isTurboChrome(line)).toBe(true);
  });

  it.each([
    '@infra/storage:apply: create storage.account["locappassets"] => done (26ms)',
    "@infra/storage:plan: error: AuthorizationFailed on storageAccounts/x (403), request id 1234",
    "@infra/storage:plan: info  auth => Environment signed in as service principal app 0a5...",
  ])("keeps the task's own line %j", (line) => {
    expect(isTurboChrome(line)).toBe(false);
  });
});

describe("failedTaskPackage", () => {
  it.each([
    [
      "@infra/governance#audit:  ERROR  command (/repo/packages/governance) /usr/bin/pnpm run audit exited (1)",
      "@infra/governance",
    ],
    [
      "\u001b[31m@infra/storage#provision:\u001b[0m \u001b[41m ERROR \u001b[0m command (/repo/packages/storage) pnpm run provision exited (2)",
      "@infra/storage",
    ],
    ["@infra/storage:audit: error: the command exited (1)", undefined],
    [" ERROR  run failed: command  exited (1)", undefined],
    ["@infra/storage:audit: [ELIFECYCLE] Command failed with exit code 3.", undefined],
  ])("%j names %j", (line, expected) => {
    expect(failedTaskPackage(line)).toBe(expected);
  });
});
