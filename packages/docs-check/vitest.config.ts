import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // NODE_EXTRA_CA_CERTS is read at process start: forks inherit it from the emulator's globalSetup.
    pool: "forks",
    globalSetup: ["@infra/emulator/testing"],
    // A ceiling, not a timing assertion: the README's commands are root commands (pnpm, turbo, one node process per
    // task), `pnpm run demo` runs seven of them, and under `pnpm test` they share two cores with every other suite.
    testTimeout: 600_000,
    hookTimeout: 60_000,
  },
});
