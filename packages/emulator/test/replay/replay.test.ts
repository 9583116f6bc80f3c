import { readdirSync } from "node:fs";
import { ClientSecretCredential } from "@azure/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../src/index.ts";
import { SEED } from "../../src/seed/seed-ids.ts";
import { CASSETTES } from "./cassettes.ts";
import { KNOWN_DIVERGENCES } from "./known-divergences.ts";
import { type InteractionVerdict, replayCassette, type Send } from "./replay-cassette.ts";

/**
 * Real Azure traffic recorded by the Azure CLI's own tests, replayed against the emulator: every request is sent as
 * recorded (host, subscription, tenant, names and regions rewritten), and every answer is compared with what Azure
 * answered (status, error code, JSON property paths, deterministic values).
 */
let emulator: Emulator;
let send: Send;
const replayed: { cassette: string; verdicts: InteractionVerdict[] }[] = [];

beforeAll(async () => {
  // Long-running operations answer 202 + Location and complete on the first poll, as the replay polls them itself.
  emulator = await startEmulator({ config: { lro: { style: "location", pollsBeforeDone: 0, retryAfterSeconds: 0 } } });
  const credential = new ClientSecretCredential(SEED.tenantId, SEED.ops.clientId, SEED.ops.secret, {
    authorityHost: emulator.url,
    disableInstanceDiscovery: true,
  });
  send = async (method, url, body) => {
    const token = await credential.getToken("https://management.azure.com/.default");
    const headers: Record<string, string> = { authorization: `Bearer ${token.token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(url, { method, headers, body });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
});

afterAll(async () => {
  await emulator?.close();
});

function key(entry: { interaction: number; kind: string; path: string }): string {
  return `#${entry.interaction} ${entry.kind} ${entry.path}`;
}

describe("recorded Azure traffic replayed against the emulator", () => {
  it("lists every vendored cassette exactly once", () => {
    const files = readdirSync(new URL("./cassettes/", import.meta.url), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".yaml"))
      .sort();
    expect(CASSETTES.map((c) => c.file).sort()).toEqual(files);
  });

  it.each(CASSETTES.map((entry, i) => ({ ...entry, tag: String(i + 1).padStart(2, "0") })))(
    "$file",
    async (entry) => {
      await emulator.admin.reset();
      const verdicts = await replayCassette(
        entry,
        { baseUrl: emulator.url, subscriptionId: SEED.subscription1, tenantId: SEED.tenantId, tag: entry.tag },
        send,
      );
      replayed.push({ cassette: entry.file, verdicts });
      const found = verdicts.flatMap((v) =>
        v.divergences.map((d) => ({
          key: key({ interaction: v.index, kind: d.kind, path: d.path }),
          detail: `${v.method} ${v.path}: recorded ${JSON.stringify(d.recorded)}, replayed ${JSON.stringify(d.replayed)}`,
        })),
      );
      const known = KNOWN_DIVERGENCES.filter((k) => k.cassette === entry.file).map(key);
      const unexplained = found.filter((f) => !known.includes(f.key)).map((f) => `${f.key} (${f.detail})`);
      const gone = known.filter((k) => !found.some((f) => f.key === k));
      expect({ unexplained, gone }).toEqual({ unexplained: [], gone: [] });
    },
    60_000,
  );

  it("passes at least 97% of the replayed interactions without a documented divergence", () => {
    const verdicts = replayed.flatMap((r) => r.verdicts);
    const passed = verdicts.filter((v) => v.divergences.length === 0).length;
    console.info(
      `replay: ${replayed.length} cassettes, ${verdicts.length} interactions replayed ` +
        `(${verdicts.reduce((n, v) => n + v.polls, 0)} recorded polls folded in), ${passed} passed, ` +
        `${verdicts.length - passed} with documented divergences (${KNOWN_DIVERGENCES.length} entries)`,
    );
    expect(replayed.length).toBe(CASSETTES.length);
    expect(passed / verdicts.length).toBeGreaterThanOrEqual(0.97);
  });
});
