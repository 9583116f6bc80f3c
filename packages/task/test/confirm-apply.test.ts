import { PassThrough } from "node:stream";
import { UsageError } from "@infra/cli";
import { describe, expect, it } from "vitest";
import { type ConfirmationRequest, confirmApply } from "../src/confirm-apply.ts";

function terminal(answer: string | null): ConfirmationRequest["input"] {
  const input = new PassThrough() as PassThrough & { isTTY?: boolean };
  if (answer !== null) {
    input.isTTY = true;
    setTimeout(() => input.write(`${answer}\n`), 5);
  }
  return input;
}

const request = (overrides: Partial<ConfirmationRequest>): ConfirmationRequest => ({
  action: "apply 2 change(s) in dev",
  environment: "dev",
  protectedEnvironment: false,
  yes: false,
  confirmEnv: undefined,
  input: terminal(null),
  output: new PassThrough(),
  ...overrides,
});

describe("confirmApply", () => {
  it.each([
    ["--yes on an unprotected environment", { yes: true }, true],
    ["--yes --confirm-env on a protected one", { yes: true, protectedEnvironment: true, confirmEnv: "dev" }, true],
    ["yes typed on a terminal", { input: terminal("yes") }, true],
    ["y typed on a terminal (only yes counts)", { input: terminal("y") }, false],
    ["the name typed for a protected environment", { protectedEnvironment: true, input: terminal("dev") }, true],
    ["another name typed for a protected environment", { protectedEnvironment: true, input: terminal("yes") }, false],
    [
      "--yes alone on a protected environment asks for the name",
      { yes: true, protectedEnvironment: true, input: terminal("dev") },
      true,
    ],
  ] as const)("%s -> %s", async (_case, overrides, expected) => {
    expect(await confirmApply(request(overrides))).toBe(expected);
  });

  it.each([
    ["no terminal and no --yes", {}, /pass --yes/],
    ["no terminal, protected, --yes only", { yes: true, protectedEnvironment: true }, /--yes --confirm-env dev/],
    ["--confirm-env naming another environment", { yes: true, confirmEnv: "prod" }, /does not match/],
  ] as const)("refuses %s with a usage error", async (_case, overrides, message) => {
    const attempt = confirmApply(request(overrides));
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(confirmApply(request(overrides))).rejects.toThrow(message);
  });
});
