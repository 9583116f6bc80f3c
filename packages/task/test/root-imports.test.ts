// The root process validates input, starts turbo and merges the task results: the tasks call Azure. It signs in once,
// to hand its token to the tasks, and loads @azure/identity for that only after turbo has started. So building any
// root command must not load @azure/identity, the HTTP pipeline or an ARM SDK (about 600 modules, 0.3 s of every
// `pnpm run audit`). Checked: importing `resolveCloud` from "@infra/auth" in root-apply-flow.ts fails this case.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { moduleLoadRecorder, recordedLoads } from "./support/module-loads.ts";

describe("root commands", () => {
  it("load no Azure SDK when built: identity, pipeline and ARM clients load when a command signs in", async () => {
    const dir = await mkdtemp(join(tmpdir(), "root-imports-"));
    let loaded: string[];
    try {
      const recorder = await moduleLoadRecorder(dir);
      await promisify(execFile)(
        process.execPath,
        [
          // As the root commands run: through tsx's loader, then the recorder.
          "--import",
          "tsx/esm",
          "--import",
          recorder,
          "--input-type=module",
          "-e",
          'const { rootCommands } = await import("@infra/task/root");' +
            "for (const load of Object.values(rootCommands)) await load(process.cwd(), { packages: [], sections: [] });",
        ],
        { cwd: join(import.meta.dirname, "..") },
      );
      const [only] = await recordedLoads(dir);
      loaded = only?.loaded ?? [];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(loaded.some((url) => url.includes("/packages/task/src/root-provision-command.ts"))).toBe(true);
    expect(loaded.filter((url) => /@azure\/(identity|msal-node|core-rest-pipeline|arm-)/.test(url))).toEqual([]);
    // A ceiling for slow shared machines (one node start loading ~300 modules), not a timing assertion.
  }, 30_000);
});
