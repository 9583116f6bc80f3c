import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // NODE_EXTRA_CA_CERTS is read at process start: forks inherit it from the emulator's globalSetup.
    pool: "forks",
    globalSetup: ["@infra/emulator/testing"],
    // Root commands start pnpm, turbo and one process per task: seconds each on a 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    // The files mostly wait (on Azure's operations, on process starts, on the lock's lease): 2 at a time, each with
    // its own emulator, keeps the machine busy instead of idle.
    maxWorkers: 2,
  },
});
