// Differential test: for each configuration, one fresh process asks DefaultAzureCredential (@azure/identity 4.14.1, the
// reference) and another asks @infra/auth's chain for an ARM token from the emulator, and the test compares which
// credential produced it. DefaultAzureCredential's pick is read from its own @azure/logger line (`ChainedTokenCredential
// => getToken() => Result for <Credential>: SUCCESS`), ours from the chain; both are cross-checked by the token's
// principal, since each credential of a configuration signs in as a different emulator principal. Where @infra/auth
// differs on purpose the case names the difference; everywhere else both must agree. The table is printed at the end.
import { execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Emulator, isAzureCliInstalled, SEED, startEmulator, writeAzureCliCloudConfig } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestGitHubIdToken } from "../src/github-id-token.ts";
import {
  type ParityCase,
  type ParityFixture,
  parityCases,
  principalName,
  twoCredentialApp,
} from "./support/credential-parity-cases.ts";
import {
  outcomeOf,
  type ProbeLine,
  type ProbeOutput,
  type ProbeOutputs,
  type ProbeRun,
  type ProbeSideName,
  probeSides,
} from "./support/credential-parity-outcome.ts";
import { answeringImds, type ImdsStandIn, unreachableImds } from "./support/imds-stand-in.ts";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const probeScript = fileURLToPath(new URL("./support/credential-parity-probe.ts", import.meta.url));
const azOnPath = isAzureCliInstalled();
// Two probe processes at a time: a 2-core machine runs them beside `az` without timing out.
const probeConcurrency = 2;

let emulator: Emulator;
let workDir: string;
let fixture: ParityFixture;
let azLoggedIn: string;
let azLoggedOut: string;
let offAzure: ImdsStandIn;
let onAzure: ImdsStandIn;
/** Per case: each side's probe output, or why the case was skipped. */
const results = new Map<ParityCase, ProbeOutputs | string>();

describe.skipIf(!azOnPath)("@infra/auth picks what DefaultAzureCredential picks", () => {
  beforeAll(async () => {
    emulator = await startEmulator();
    await emulator.admin.seed({ principals: [twoCredentialApp] });
    workDir = mkdtempSync(join(tmpdir(), "auth-parity-"));
    azLoggedIn = join(workDir, "az-logged-in");
    azLoggedOut = join(workDir, "az-logged-out");
    mkdirSync(azLoggedOut);
    offAzure = await unreachableImds();
    onAzure = await answeringImds(emulator.httpUrl);
    fixture = {
      emulator,
      tokenFile: join(workDir, "federated-token"),
      missingFile: join(workDir, "no-such-token"),
      certificateFile: await makeCertificate(join(workDir, "client")),
    };
    const github = emulator.env("github");
    const idToken = await requestGitHubIdToken({
      requestUrl: github.ACTIONS_ID_TOKEN_REQUEST_URL ?? "",
      requestToken: github.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? "",
      audience: "api://AzureADTokenExchange",
    });
    writeFileSync(fixture.tokenFile, idToken);
    await logInAzureCli();

    // msal-node keeps managed-identity tokens and its source in process-wide statics: where a managed identity can
    // issue a token, each side runs in a process of its own, so neither sees the other's token or connection. The
    // other configurations run both sides one after the other, many configurations to a process (starting node and
    // loading @azure/identity is most of the cost of a run).
    const shared: ProbeRun[] = [];
    const alone: ProbeRun[][] = [];
    parityCases.forEach((parityCase, index) => {
      const reason = parityCase.skip?.(fixture);
      results.set(parityCase, reason ?? {});
      if (reason !== undefined) return;
      if (!managedIdentityCanIssue(parityCase)) shared.push(probeRun(parityCase, index, [...probeSides]));
      else for (const side of probeSides) alone.push([probeRun(parityCase, index, [side])]);
    });
    const half = Math.ceil(shared.length / 2);
    const batches = [shared.slice(0, half), shared.slice(half), ...alone].filter((batch) => batch.length > 0);
    await eachConcurrently(batches, probeConcurrency, async (batch) => {
      for (const line of await probe(batch)) {
        const entry = results.get(parityCases[Number(line.key)] as ParityCase);
        if (typeof entry === "object") Object.assign(entry, line.outputs);
      }
    });
  }, 240_000);

  afterAll(async () => {
    printTable();
    await offAzure?.close();
    await onAzure?.close();
    await emulator?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("covers at least 25 configurations, and names every difference", () => {
    expect(parityCases.length).toBeGreaterThanOrEqual(25);
    for (const parityCase of parityCases) {
      expect(parityCase.difference !== undefined, parityCase.configuration).toBe(parityCase.ours !== parityCase.dac);
    }
  });

  it("docs/credentials.md shows the outcomes this run found", () => {
    const documented = readFileSync(fileURLToPath(new URL("../../../docs/credentials.md", import.meta.url)), "utf8")
      .split("\n")
      .map((line) => line.split("|").map((cell) => cell.trim()))
      .filter((cells) => /^\d+$/.test(cells[1] ?? ""))
      .map((cells) => [cells[1], cells[5], cells[6]]);
    const found = parityCases.map((parityCase, index) => {
      const result = results.get(parityCase);
      const dac = typeof result === "object" ? result.DefaultAzureCredential : undefined;
      const ours = typeof result === "object" ? result["@infra/auth"] : undefined;
      // A case skipped here (no openssl) is documented as expected.
      const actual = dac && ours ? outcomes(dac, ours) : { dac: parityCase.dac, ours: parityCase.ours };
      return [String(index + 1), actual.dac, actual.ours === actual.dac ? "same" : actual.ours];
    });
    expect(documented).toEqual(found);
  });

  it.each(parityCases.map((parityCase) => [title(parityCase), parityCase] as const))("%s", (_, parityCase) => {
    const result = results.get(parityCase);
    if (typeof result === "string") {
      console.warn(`credential parity: skipped "${title(parityCase)}": ${result}`);
      return;
    }
    const dac = result?.DefaultAzureCredential;
    const ours = result?.["@infra/auth"];
    if (dac === undefined || ours === undefined) throw new Error("the probes did not run");
    const actual = outcomes(dac, ours);
    // The reference first: a wrong expectation of DefaultAzureCredential is a wrong test, not a finding.
    expect(actual.dac, `DefaultAzureCredential: ${JSON.stringify(dac.side)}`).toBe(parityCase.dac);
    expect(actual.ours, `@infra/auth: ${JSON.stringify(ours.side)}`).toBe(parityCase.ours);
    if (parityCase.difference === undefined) expect(actual.ours).toBe(actual.dac);
    // Every connection of both processes went to the emulator or an IMDS stand-in, on loopback.
    const known = new Set([emulator.url, emulator.httpUrl, offAzure.url, onAzure.url].map((u) => new URL(u).port));
    const stray = [...dac.connections, ...ours.connections].filter(
      (attempt) => !attempt.allowed || !known.has(String(attempt.port)),
    );
    expect(stray).toEqual([]);
  });
});

if (!azOnPath)
  console.warn(
    "credential-parity.emulator.test: skipped: `az` is not on PATH (apt-get install -y azure-cli to run it)",
  );

function title(parityCase: ParityCase): string {
  return `${parityCase.configuration} (${parityCase.place}, az ${parityCase.azureCli})`;
}

/** Both sides' outcome lines; `; asked IMDS` when that side's process connected to the metadata address's stand-in. */
function outcomes(dac: ProbeOutput, ours: ProbeOutput): { dac: string; ours: string } {
  const standIns = new Set([offAzure.port, onAzure.port]);
  const line = ({ side, connections }: ProbeOutput, name: ProbeSideName) => {
    const outcome = outcomeOf(side, principalName, name);
    return connections.some((attempt) => standIns.has(attempt.port)) ? `${outcome}; asked IMDS` : outcome;
  };
  return { dac: line(dac, "DefaultAzureCredential"), ours: line(ours, "@infra/auth") };
}

/** Whether msal-node could get a managed-identity token in this configuration: an endpoint is set, or IMDS answers. */
function managedIdentityCanIssue(parityCase: ParityCase): boolean {
  const env = parityCase.env(fixture);
  const variables = ["IDENTITY_ENDPOINT", "MSI_ENDPOINT", "AZURE_POD_IDENTITY_AUTHORITY_HOST"];
  return parityCase.place !== "laptop" || variables.some((name) => env[name] !== undefined);
}

/** One configuration as the probe runs it. */
function probeRun(parityCase: ParityCase, index: number, sides: ProbeSideName[]): ProbeRun {
  const cloud: Record<string, string> =
    parityCase.cloud === "emulator"
      ? { AZURE_AUTHORITY_HOST: emulator.url, AZURE_RESOURCE_MANAGER_ENDPOINT: emulator.url }
      : {};
  // What both sides see: the configuration, the cloud and subscription, and what node and `az` need to run against the
  // emulator. Nothing from this process's own environment leaks in. Without `az`, PATH holds node's directory only.
  const env: Record<string, string> = {
    PATH: parityCase.azureCli === "not installed" ? dirname(process.execPath) : (process.env.PATH ?? ""),
    HOME: workDir,
    NODE_EXTRA_CA_CERTS: emulator.caPath,
    REQUESTS_CA_BUNDLE: emulator.caPath,
    AZURE_CORE_COLLECT_TELEMETRY: "false",
    AZURE_CONFIG_DIR: parityCase.azureCli === "logged in" ? azLoggedIn : azLoggedOut,
    AZURE_SUBSCRIPTION_ID: SEED.subscription1,
    ...cloud,
    ...parityCase.env(fixture),
  };
  // The instance metadata address is replaced by its stand-in in the process (so for msal-node and
  // DefaultAzureCredential); @infra/auth's plan is given the environment without it, as it would be on that machine.
  const standIn = parityCase.place === "laptop" ? offAzure : onAzure;
  return {
    key: String(index),
    sides,
    processEnv: { AZURE_POD_IDENTITY_AUTHORITY_HOST: standIn.url, ...env },
    env,
    onAzureVirtualMachine: parityCase.place === "Azure VM",
  };
}

let probes = 0;

/** Runs configurations, in order, in one fresh process. */
async function probe(runs: ProbeRun[]): Promise<ProbeLine[]> {
  probes += 1;
  const file = join(workDir, `probe-${probes}.json`);
  writeFileSync(file, JSON.stringify(runs));
  const { stdout, stderr, code } = await runNode([probeScript, file], runs[0]?.processEnv ?? {});
  const lines = stdout
    .trim()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as ProbeLine);
  if (code !== 0 || lines.length !== runs.length)
    throw new Error(`the probe of runs ${runs.map((run) => run.key)} exited ${code}:\n${stderr.slice(-2000)}`);
  return lines;
}

function runNode(
  args: string[],
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx/esm", ...args], {
      cwd: packageDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, stderr, code }));
  });
}

/** `az` logged in to the emulator as `auditor`, in a configuration directory of its own. */
async function logInAzureCli(): Promise<void> {
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: workDir,
    AZURE_CONFIG_DIR: azLoggedIn,
    REQUESTS_CA_BUNDLE: emulator.caPath,
    AZURE_CORE_COLLECT_TELEMETRY: "false",
  };
  const cloudFile = join(workDir, "cloud.json");
  writeAzureCliCloudConfig(emulator.url, cloudFile);
  const options = { env, timeout: 120_000 };
  await run("az", ["cloud", "register", "-n", "Emulator", "--cloud-config", `@${cloudFile}`], options);
  await run("az", ["cloud", "set", "-n", "Emulator"], options);
  const { clientId, secret } = SEED.auditor;
  await run("az", ["login", "--service-principal", "-u", clientId, "-p", secret, "--tenant", SEED.tenantId], options);
}

/** A self-signed certificate and its key in one PEM, as AZURE_CLIENT_CERTIFICATE_PATH takes it; undefined without openssl. */
async function makeCertificate(base: string): Promise<string | undefined> {
  const subject = ["-subj", "/CN=credential-parity", "-days", "1"];
  try {
    await run("openssl", [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      ...subject,
      "-keyout",
      `${base}.key`,
      "-out",
      `${base}.crt`,
    ]);
  } catch {
    return undefined;
  }
  writeFileSync(`${base}.pem`, `${readFileSync(`${base}.crt`, "utf8")}${readFileSync(`${base}.key`, "utf8")}`);
  return `${base}.pem`;
}

async function eachConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function printTable(): void {
  if (results.size === 0) return;
  const rows = parityCases.map((parityCase, index) => {
    const result = results.get(parityCase);
    const dac = typeof result === "object" ? result.DefaultAzureCredential : undefined;
    const ours = typeof result === "object" ? result["@infra/auth"] : undefined;
    const actual =
      dac === undefined || ours === undefined
        ? { dac: typeof result === "string" ? `skipped: ${result}` : "not run", ours: "" }
        : outcomes(dac, ours);
    return [
      String(index + 1),
      parityCase.configuration,
      parityCase.place,
      parityCase.azureCli,
      actual.dac,
      actual.ours === actual.dac ? "same" : actual.ours,
      parityCase.difference ?? "",
    ];
  });
  const header = [
    "#",
    "configuration",
    "place",
    "az",
    "DefaultAzureCredential 4.14.1",
    "@infra/auth",
    "why ours differs",
  ];
  const lines = [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`);
  console.log(`\nCredential parity (${rows.length} configurations)\n\n${lines.join("\n")}\n`);
}
