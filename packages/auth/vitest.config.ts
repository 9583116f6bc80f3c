import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // NODE_EXTRA_CA_CERTS is read at process start: forks inherit it from globalSetup, threads would not. Forks also
    // give each file its own process, which msal-node's per-process managed-identity source needs.
    pool: "forks",
    // Two files at a time even on two cores: the long-job test mostly waits on timers, and the credential-parity test
    // mostly waits on its probe processes.
    maxWorkers: 2,
    globalSetup: ["@infra/emulator/testing"],
    setupFiles: ["./test/support/network-guard-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
