import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EmulatorConfig } from "../arm/contract.ts";
import { OperationTracker } from "../arm/long-running.ts";
import { RouteTable } from "../arm/route-table.ts";
import { Throttler } from "../arm/throttling.ts";
import { FaultInjector } from "../control/fault-injector.ts";
import { RequestLog } from "../control/request-log.ts";
import { TokenIssuer } from "../identity/token-issuer.ts";
import { providers } from "../providers/index.ts";
import { Realism } from "../realism/realism.ts";
import { applyDefaultSeed } from "../seed/default-seed.ts";
import { GITHUB_ISSUER } from "../seed/seed-ids.ts";
import { createRequestHandler } from "../server/request-handler.ts";
import type { Runtime } from "../server/runtime.ts";
import { defaultConfig, mergeConfig } from "../state/default-config.ts";
import { EmulatorState } from "../state/emulator-state.ts";
import { StatePersistence } from "../state/state-persistence.ts";
import { CA_DIR_ENV, loadOrCreateCertificateAuthority } from "../tls/ca-store.ts";
import { issueServerCertificate } from "../tls/certificate-authority.ts";
import { AdminClient, type ConfigPatch } from "./admin-client.ts";
import { clientEnvironment } from "./client-environment.ts";
import { coreRoutes } from "./core-routes.ts";
import { loadOrCreateSigningKeys } from "./signing-key-store.ts";

export interface StartEmulatorOptions {
  /** HTTPS port; 0 (default) picks a free one. */
  port?: number;
  /** HTTP port of the managed-identity listener; 0 (default) picks a free one. */
  httpPort?: number;
  /** Persist CA, keys and state here across restarts. */
  stateDir?: string;
  /** Where the CA lives; defaults to $INFRA_EMULATOR_CA_DIR, then stateDir, then a temp dir. */
  caDir?: string;
  /** Config overrides (deep-merged over the defaults). */
  config?: ConfigPatch;
  /** Apply the default seed on start (default true; ignored when state was loaded from stateDir). */
  seed?: boolean;
  /** Requests `GET /_emulator/requests` keeps, the oldest dropped first (default 20,000; a big bench needs more). */
  requestLogCapacity?: number;
}

export interface Emulator {
  /** `https://127.0.0.1:PORT` */
  url: string;
  /** `http://127.0.0.1:PORT` (managed identity + control). */
  httpUrl: string;
  caPem: string;
  caPath: string;
  /** Environment variables for a child process acting as a principal (name, clientId or objectId). */
  env(identity: string): Record<string, string>;
  admin: AdminClient;
  /** Secret of the App Service managed-identity endpoint and token of the GitHub ID-token endpoint. */
  identityHeader: string;
  githubRequestToken: string;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<Emulator> {
  // A bad config (InvalidConfigError naming the field) fails here, before anything listens or is written.
  if (options.config) mergeConfig(defaultConfig(), options.config);
  const configuredCaDir = options.caDir ?? process.env[CA_DIR_ENV] ?? options.stateDir;
  const tempDir = configuredCaDir === undefined ? mkdtempSync(join(tmpdir(), "infra-emulator-")) : undefined;
  const caDir = configuredCaDir ?? (tempDir as string);
  const ca = loadOrCreateCertificateAuthority(caDir);
  const leaf = issueServerCertificate(ca);
  const keys = await loadOrCreateSigningKeys(options.stateDir ?? caDir);

  let rt: Runtime | undefined;
  const https = createHttpsServer(
    { cert: leaf.certPem, key: leaf.keyPem, keepAlive: true, keepAliveTimeout: 65_000 },
    (req, res) => (rt ? httpsHandler(req, res) : res.destroy()),
  );
  const http = createHttpServer({ keepAlive: true, keepAliveTimeout: 65_000 }, (req, res) =>
    rt ? httpHandler(req, res) : res.destroy(),
  );
  const port = await listen(https as unknown as Server, options.port ?? 0);
  const httpPort = await listen(http, options.httpPort ?? 0);
  const url = `https://127.0.0.1:${port}`;
  const httpUrl = `http://127.0.0.1:${httpPort}`;

  const state = new EmulatorState();
  const operations = new OperationTracker();
  const realism = new Realism(state, operations);
  const routes = new RouteTable();
  routes.add(coreRoutes(state, operations));
  for (const provider of providers) routes.add(provider.routes);
  const throttler = new Throttler();
  const faults = new FaultInjector();
  const log = new RequestLog(options.requestLogCapacity);
  const persistence = options.stateDir ? new StatePersistence(options.stateDir, state) : undefined;
  const configure = () => {
    if (options.config) state.config = mergeConfig(state.config, options.config) as EmulatorConfig;
  };
  const reset = () => {
    state.clear();
    applyDefaultSeed(state, providers);
    state.principals.settle();
    configure();
    throttler.reset();
    faults.clear();
    operations.clear();
    realism.clear();
    log.clear();
  };
  if (!persistence?.load()) {
    if (options.seed ?? true) applyDefaultSeed(state, providers);
    configure();
  }
  // The seed and a loaded state are the world as it was before this run: their principals have long replicated.
  state.principals.settle();
  persistence?.watch();

  rt = {
    state,
    tokens: new TokenIssuer(keys.entra, keys.github, url),
    throttler,
    faults,
    log,
    operations,
    realism,
    routes,
    baseUrl: url,
    httpUrl,
    identityHeader: randomBytes(16).toString("hex"),
    githubRequestToken: randomBytes(24).toString("base64url"),
    githubIssuer: GITHUB_ISSUER,
    reset,
  };
  const httpsHandler = createRequestHandler(rt, "https");
  const httpHandler = createRequestHandler(rt, "http");
  const runtime = rt;

  return {
    url,
    httpUrl,
    caPem: ca.certPem,
    caPath: ca.certPath,
    identityHeader: runtime.identityHeader,
    githubRequestToken: runtime.githubRequestToken,
    admin: new AdminClient(httpUrl),
    env(identity: string) {
      const principal = state.principals.get(identity);
      if (!principal) throw new Error(`emulator => env() => no principal '${identity}'`);
      return clientEnvironment({
        url,
        httpUrl,
        caPath: ca.certPath,
        principal,
        identityHeader: runtime.identityHeader,
        githubRequestToken: runtime.githubRequestToken,
      });
    },
    async close() {
      persistence?.flush();
      for (const server of [https as unknown as Server, http]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
