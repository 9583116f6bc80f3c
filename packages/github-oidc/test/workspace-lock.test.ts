import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { lockWorkspace } from "../src/rehearsal/workspace-lock.ts";

function collected(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk) => (text += String(chunk)));
  return { stream, text: () => text };
}

describe("one rehearsal per checkout", () => {
  it("makes a second rehearsal in the same checkout wait until the first lets go, and says so", async () => {
    const workspace = mkdtempSync(join(tmpdir(), "lock-ws-"));
    const first = await lockWorkspace(workspace, { output: new PassThrough() });
    const said = collected();
    const order: string[] = [];
    const second = lockWorkspace(workspace, { output: said.stream }).then((unlock) => {
      order.push("second holds it");
      return unlock;
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    order.push("first lets go");
    await first();
    await (await second)();
    expect(order).toEqual(["first lets go", "second holds it"]);
    expect(said.text()).toContain(`waiting for the rehearsal in process ${process.pid} to finish`);
  });

  it("lets rehearsals in different checkouts run side by side", async () => {
    const one = await lockWorkspace(mkdtempSync(join(tmpdir(), "lock-ws-")), { output: new PassThrough() });
    const other = await lockWorkspace(mkdtempSync(join(tmpdir(), "lock-ws-")), { output: new PassThrough() });
    await one();
    await other();
  });

  it("takes over a lock whose process has ended", async () => {
    const workspace = mkdtempSync(join(tmpdir(), "lock-ws-"));
    const ended = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    const key = createHash("sha256").update(realpathSync(workspace)).digest("hex").slice(0, 16);
    writeFileSync(join(tmpdir(), `infra-rehearsal-${key}.lock`), ended.stdout);
    const said = collected();
    const unlock = await lockWorkspace(workspace, { output: said.stream });
    await unlock();
    expect(said.text()).toBe("");
  });
});
