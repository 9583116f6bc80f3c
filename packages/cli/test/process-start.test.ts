import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const fixture = join(import.meta.dirname, "fixtures", "process-start-main.ts");

describe("startProcess", () => {
  it("turns on the compile cache and keeps source maps to our own TypeScript", async () => {
    const cache = await mkdtemp(join(tmpdir(), "process-start-"));
    const failed = await run(process.execPath, ["--import", "tsx/esm", fixture], {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, NODE_COMPILE_CACHE: cache },
    }).then(
      () => undefined,
      (error: { stdout: string; stderr: string }) => error,
    );
    expect(failed, "the fixture ends by throwing").toBeDefined();
    const settings = JSON.parse(failed?.stdout ?? "{}") as { compileCache?: string; sourceMaps?: unknown };
    expect(settings.compileCache).toContain(cache);
    // tsx turns them on for node_modules too; Node would then read every SDK module's .map file.
    expect(settings.sourceMaps).toEqual({ enabled: true, nodeModules: false, generatedCode: true });
    // Our TypeScript keeps its own lines in a stack trace.
    expect(failed?.stderr).toContain(`${fixture}:10:`);
  });
});
