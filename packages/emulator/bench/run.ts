import { Agent, request } from "node:https";
import { ClientSecretCredential } from "@azure/identity";
import { SEED, startEmulator } from "../src/index.ts";

/** Not a test: prints GET throughput with keep-alive and list-page latency with 100,000 resources in state. */
const emulator = await startEmulator({ config: { throttling: { enabled: false } } });
const token = (
  await new ClientSecretCredential(SEED.tenantId, SEED.ops.clientId, SEED.ops.secret, {
    authorityHost: emulator.url,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emulator.caPem },
  } as never).getToken("https://management.azure.com/.default")
).token;
const agent = new Agent({ keepAlive: true, maxSockets: 16, ca: emulator.caPem });

function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${emulator.url}${path}`, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
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
console.log(
  `GET resource group, keep-alive, 16 in flight: ${Math.round(total / seconds)} requests/s (${total} in ${seconds.toFixed(2)} s)`,
);

const rg = `/subscriptions/${SEED.subscription1}/resourceGroups/rg-legacy`;
const batch = Array.from({ length: 100_000 }, (_, i) => ({
  id: `${rg}/providers/Microsoft.Foo/bars/b${i}`,
  name: `b${i}`,
  type: "Microsoft.Foo/bars",
  location: "westeurope",
}));
await emulator.admin.seed({ resources: batch });
for (const [label, skip] of [
  ["first page", ""],
  ["page after 99,000", "&$skiptoken=99000"],
] as const) {
  const runs = 50;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await get(`${rg}/resources?api-version=2025-04-01${skip}`);
  console.log(
    `list ${label} of ${batch.length} resources (page 100): ${((performance.now() - t0) / runs).toFixed(2)} ms`,
  );
}
agent.destroy();
await emulator.close();
