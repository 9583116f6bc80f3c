import { describe, expect, it } from "vitest";
import { retryTransientAnswers } from "../src/transient-answers.ts";

const answer = (statusCode: number, code: string) => Object.assign(new Error(code), { statusCode, code });

/** A write that fails with `failures` in turn, then succeeds; counts its calls. */
function scripted(failures: Error[]) {
  let calls = 0;
  return {
    write: async () => {
      calls += 1;
      const failure = failures[calls - 1];
      if (failure) throw failure;
      return "written";
    },
    calls: () => calls,
  };
}

describe("retryTransientAnswers", () => {
  it.each([
    {
      name: "PrincipalNotFound twice, then success",
      failures: [answer(400, "PrincipalNotFound"), answer(400, "PrincipalNotFound")],
      calls: 3,
      result: "written",
    },
    {
      name: "an account busy, then success",
      failures: [answer(409, "StorageAccountOperationInProgress")],
      calls: 2,
      result: "written",
    },
    {
      name: "another operation in progress, then success",
      failures: [answer(409, "AnotherOperationInProgress")],
      calls: 2,
      result: "written",
    },
    { name: "a plain 400 is final", failures: [answer(400, "InvalidTemplate")], calls: 1, result: "InvalidTemplate" },
    { name: "a 409 of another code is final", failures: [answer(409, "Conflict")], calls: 1, result: "Conflict" },
    {
      name: "the code with another status is final",
      failures: [answer(409, "PrincipalNotFound")],
      calls: 1,
      result: "PrincipalNotFound",
    },
    { name: "a 403 is final", failures: [answer(403, "AuthorizationFailed")], calls: 1, result: "AuthorizationFailed" },
  ])("$name", async ({ failures, calls, result }) => {
    const write = scripted(failures);
    const logged: unknown[][] = [];
    const log = { debug: (...args: unknown[]) => logged.push(args) } as never;
    const outcome = await retryTransientAnswers("create x", write.write, {
      signal: new AbortController().signal,
      log,
      firstWaitMs: 1,
    }).catch((error: Error) => error.message);
    expect(outcome).toBe(result);
    expect(write.calls()).toBe(calls);
    expect(logged).toHaveLength(result === "written" ? calls - 1 : 0);
  });

  it("stops waiting when the signal ends the run, with the signal's reason", async () => {
    const stop = new AbortController();
    const write = scripted(Array.from({ length: 10 }, () => answer(400, "PrincipalNotFound")));
    const pending = retryTransientAnswers("create x", write.write, { signal: stop.signal, firstWaitMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop.abort(new Error("stopped"));
    await expect(pending).rejects.toThrow("stopped");
    expect(write.calls()).toBe(1);
  });
});
