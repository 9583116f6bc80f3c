import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // NODE_EXTRA_CA_CERTS is read at process start: forks inherit it from globalSetup, threads would not.
    pool: "forks",
    globalSetup: ["./src/testing/index.ts"],
    testTimeout: 30_000,
  },
});
