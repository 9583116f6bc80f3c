import { CliError, ExitCode } from "@infra/cli";
import { describe, expect, it } from "vitest";
import { TasksFailedError } from "../src/plan-environment.ts";
import { TaskError } from "../src/remote-task-runtime.ts";

const failed = (task: string, line: string, exitCode: number = ExitCode.failure) =>
  new TaskError(task, { name: "CliError", lines: [`error: ${line}`], exitCode });

describe("TasksFailedError", () => {
  it.each([
    {
      name: "one reason seen by every task is said once, naming the tasks",
      errors: [
        failed("storage", "no Azure credential is available", 2),
        failed("resource-groups", "no Azure credential is available", 2),
      ],
      message: "storage, resource-groups: no Azure credential is available",
      exitCode: ExitCode.credential,
    },
    {
      name: "different reasons are listed with their task",
      errors: [failed("storage", "could not read live accounts"), failed("resource-groups", "quota exceeded")],
      message: "2 tasks failed:\n  storage: could not read live accounts\n  resource-groups: quota exceeded",
      exitCode: ExitCode.failure,
    },
    {
      name: "a usage or credential error among them makes the whole exit 2",
      errors: [failed("storage", "no Azure credential is available", 2), new CliError("boom", ExitCode.failure)],
      message: "2 tasks failed:\n  storage: no Azure credential is available\n  boom",
      exitCode: ExitCode.usage,
    },
  ])("$name", ({ errors, message, exitCode }) => {
    const error = new TasksFailedError(errors);
    expect(error.message).toBe(message);
    expect(error.exitCode).toBe(exitCode);
  });
});
