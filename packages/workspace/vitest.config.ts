import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // These tests drive turbo and pnpm as child processes: give them room on a 2-core machine.
    testTimeout: 60_000,
  },
});
