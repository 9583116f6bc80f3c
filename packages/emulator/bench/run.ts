import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:https";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { getCACertificates, setDefaultCACertificates } from "node:tls";
import { ClientSecretCredential } from "@azure/identity";
import { SEED, startEmulator } from "../src/index.ts";

/**
 * Not a test: prints GET throughput with keep-alive and list-page latency with 100,000 resources in state.
 * The throughput run talks to an emulator in its own process (`pnpm run emulator`), so the server has a core of its
 * own and the figure is the server's, not the load generator's.
 */
async function startEmulatorProcess() {
  const child = spawn(
    process.execPath,
    ["--import", "tsx/esm", join(import.meta.dirname, "..", "src", "main.ts"), "--port", "0", "--throttling", "off"],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const env: Record<string, string> = {};
  for await (const line of createInterface({ input: child.stdout })) {
    const exported = /^export ([A-Z_]+)="(.*)"$/.exec(line);
    if (exported) env[exported[1]!] = exported[2]!;
    if (line.startsWith("ready: ")) return { child, url: line.slice("ready: ".length), env };
  }
  throw new Error("bench => the emulator process ended before it was ready");
}

const server = await startEmulatorProcess();
const caPem = readFileSync(server.env.NODE_EXTRA_CA_CERTS!, "utf8");
// The child's CA is new to this process: trust it here as NODE_EXTRA_CA_CERTS would at start-up.
setDefaultCACertificates([...getCACertificates("default"), caPem]);
const token = (
  await new ClientSecretCredential(SEED.tenantId, SEED.ops.clientId, SEED.ops.secret, {
    authorityHost: server.url,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: caPem },
  } as never).getToken("https://management.azure.com/.default")
).token;
const agent = new Agent({ keepAlive: true, maxSockets: 16, ca: caPem });

function get(path: string, base = server.url): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

const rgPath = `/subscriptions/${SEED.subscription1}/resourcegroups/rg-legacy?api-version=2025-04-01`;
const total = 10_000;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (next++ < total) if ((await get(rgPath)) !== 200) throw new Error("bench => unexpected status");
  }),
);
const seconds = (performance.now() - started) / 1000;
const throughput = Math.round(total / seconds);
console.log(
  `GET resource group, keep-alive, 16 in flight, server in its own process: ${Math.round(total / seconds)} requests/s (${total} in ${seconds.toFixed(2)} s)`,
);

// List latency in process: seeding 100,000 resources goes through the control API of an in-process emulator.
// Same CA as the child's, so the agent above trusts it too.
const emulator = await startEmulator({
  caDir: dirname(server.env.NODE_EXTRA_CA_CERTS!),
  config: { throttling: { enabled: false } },
});

const rg = `/subscriptions/${SEED.subscription1}/resourceGroups/rg-legacy`;
const batch = Array.from({ length: 100_000 }, (_, i) => ({
  id: `${rg}/providers/Microsoft.Foo/bars/b${i}`,
  name: `b${i}`,
  type: "Microsoft.Foo/bars",
  location: "westeurope",
}));
await emulator.admin.seed({ resources: batch });
const pageMs: number[] = [];
for (const [label, skip] of [
  ["first page", ""],
  ["page after 99,000", "&$skiptoken=99000"],
] as const) {
  const runs = 50;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await get(`${rg}/resources?api-version=2025-04-01${skip}`, emulator.url);
  pageMs.push((performance.now() - t0) / runs);
  console.log(`list ${label} of ${batch.length} resources (page 100): ${pageMs.at(-1)?.toFixed(2)} ms`);
}
// One machine-readable line for `pnpm bench`'s report (scripts/bench.ts).
console.log(
  `bench-result ${JSON.stringify({
    id: "emulator",
    title: "Emulator",
    figures: [
      {
        name: "GET throughput, keep-alive, 16 in flight, server on its own core",
        value: throughput,
        unit: "req/s",
        target: ">= 2000",
      },
      { name: "list page of 100 with 100,000 resources in state: first page", value: pageMs[0], unit: "ms" },
      { name: "list page of 100 with 100,000 resources in state: after 99,000", value: pageMs[1], unit: "ms" },
    ],
  })}`,
);
agent.destroy();
await emulator.close();
server.child.kill("SIGTERM");
