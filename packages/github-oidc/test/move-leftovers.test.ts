import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const dirs: string[] = [];
afterEach(async () => {
  vi.doUnmock("node:fs/promises");
  vi.resetModules();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function workspaceWith(names: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "leftovers-"));
  dirs.push(dir);
  await mkdir(join(dir, "workspace"));
  for (const name of names) await writeFile(join(dir, "workspace", name), name);
  return dir;
}

describe("what a rehearsed job leaves in the checkout", () => {
  it("moves the job's new top-level entries out, leaving the checkout's own and its tools' dot directories", async () => {
    const { moveLeftovers } = await import("../src/rehearsal/rehearse-workflow.ts");
    const dir = await workspaceWith(["package.json", "plan.json", ".turbo"]);
    const moved = await moveLeftovers(join(dir, "workspace"), new Set(["package.json"]), join(dir, "leg"));
    expect(moved).toEqual(["leg/plan.json"]);
    expect((await readdir(join(dir, "workspace"))).sort()).toEqual([".turbo", "package.json"]);
    expect(await readdir(join(dir, "leg"))).toEqual(["plan.json"]);
  });

  it("skips an entry that is gone before it can be moved (another tool's file written by rename)", async () => {
    const dir = await workspaceWith(["plan.json", "_tmp_13594_256820cd"]);
    // The listing still shows the other tool's temporary file; by the time of the move it has been renamed away.
    vi.doMock("node:fs/promises", async (original) => {
      const actual = await original<typeof import("node:fs/promises")>();
      return {
        ...actual,
        rename: async (from: string, to: string) => {
          if (from.endsWith("_tmp_13594_256820cd")) await actual.rm(from);
          return actual.rename(from, to);
        },
      };
    });
    const { moveLeftovers } = await import("../src/rehearsal/rehearse-workflow.ts");
    const moved = await moveLeftovers(join(dir, "workspace"), new Set(), join(dir, "leg"));
    expect(moved).toEqual(["leg/plan.json"]);
    expect(await readdir(join(dir, "leg"))).toEqual(["plan.json"]);
  });
});
