import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // NODE_EXTRA_CA_CERTS is read at process start: forks inherit it from the emulator's globalSetup.
    pool: "forks",
    globalSetup: ["@infra/emulator/testing"],
    // The README's commands are root commands (pnpm, turbo, one tsx process per task) and `pnpm run demo` runs six of
    // them: tens of seconds on a 2-core machine shared with other test packages.
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
