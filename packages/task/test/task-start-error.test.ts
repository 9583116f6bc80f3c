import { ExitCode } from "@infra/cli";
import { describe, expect, it } from "vitest";
import { TaskStartError } from "../src/task-session.ts";

describe("TaskStartError", () => {
  it.each([
    {
      missing: ["@infra/governance", "@infra/storage"],
      failed: [],
      code: 1,
      says: "@infra/governance, @infra/storage ended before joining the run (turbo exited 1); see the output above",
      exit: ExitCode.failure,
    },
    {
      missing: ["@infra/governance", "@infra/managed-identities", "@infra/storage"],
      failed: ["@infra/governance"],
      code: 1,
      says:
        "@infra/governance failed before joining the run (turbo exited 1 and stopped @infra/managed-identities, " +
        "@infra/storage); see the output above",
      exit: ExitCode.failure,
    },
    {
      missing: ["@infra/storage"],
      failed: ["@infra/storage"],
      code: 2,
      says: "@infra/storage failed before joining the run (turbo exited 2); see the output above",
      exit: ExitCode.config,
    },
    {
      missing: ["@infra/governance", "@infra/storage"],
      failed: ["@infra/tasks"],
      code: 1,
      says: "@infra/tasks failed before @infra/governance, @infra/storage joined the run (turbo exited 1); see the output above",
      exit: ExitCode.failure,
    },
  ])("names the task that failed apart from those turbo stopped: $says", ({ missing, failed, code, says, exit }) => {
    const error = new TaskStartError(missing, new Set(failed), code);
    expect(error.message).toBe(says);
    expect(error.exitCode).toBe(exit);
  });
});
