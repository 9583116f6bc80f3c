import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // NODE_EXTRA_CA_CERTS is read at process start: forks inherit it from the emulator's globalSetup, threads would not.
    pool: "forks",
    globalSetup: ["@infra/emulator/testing"],
    testTimeout: 30_000,
    // Starting an emulator, a rehearsal GitHub and a first sign-in share two cores with the other packages' tests.
    hookTimeout: 60_000,
  },
});
