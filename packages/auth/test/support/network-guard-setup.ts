import { afterAll, expect } from "vitest";
import { connectionAttempts, installNetworkGuard } from "./network-guard.ts";

// vitest setupFiles: every test file of this package runs under the guard and fails if anything left loopback.
installNetworkGuard();

afterAll(() => {
  const escaped = connectionAttempts().filter((attempt) => !attempt.allowed);
  expect(escaped, "connections to non-loopback addresses").toEqual([]);
});
