// Runs configurations of the credential-parity test, one after the other, in this process: for each, sets process.env
// to the configuration (DefaultAzureCredential and msal-node read process.env), asks DefaultAzureCredential and/or
// @infra/auth's chain for an ARM token, and prints one JSON line (ProbeLine) with each side's outcome and connections.
// Usage: node --import tsx/esm credential-parity-probe.ts RUNS.json
import { readFileSync } from "node:fs";
import { formatWithOptions } from "node:util";
import type { ProbeError, ProbeLine, ProbeOutputs, ProbeRun, ProbeSide } from "./credential-parity-outcome.ts";
import { installNetworkGuard, takeConnectionAttempts } from "./network-guard.ts";

// Before anything that could open a socket: every connection of this process is recorded, and blocked unless loopback.
installNetworkGuard();

const { DefaultAzureCredential } = await import("@azure/identity");
const { AzureLogger, setLogLevel } = await import("@azure/logger");
const { decodeJwt } = await import("jose");
const { summarizeAccessToken } = await import("../../src/azure-identity-summary.ts");
const { resolveCloud } = await import("../../src/clouds.ts");
const { forgetCredentials, processCredential } = await import("../../src/process-credential.ts");

const runs = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as ProbeRun[];
const armScope = "https://management.azure.com/.default";

// DefaultAzureCredential names the credential that produced a token in one @azure/logger line,
// `ChainedTokenCredential => getToken() => Result for EnvironmentCredential: SUCCESS. ...`, and a credential that
// failed in `EnvironmentCredential => getToken() => ERROR. ...`.
let logLines: string[] = [];
AzureLogger.log = (...args: unknown[]) => {
  logLines.push(formatWithOptions({ colors: false }, ...args));
};
setLogLevel("info");

async function defaultAzureCredentialSide(): Promise<ProbeSide> {
  logLines = [];
  const last = (pattern: RegExp) =>
    logLines
      .map((line) => pattern.exec(line)?.[1])
      .findLast((name) => name !== undefined && name !== "ChainedTokenCredential");
  try {
    // Instance discovery off, as for any custom cloud (the emulator); AZURE_AUTHORITY_HOST comes from the environment.
    const credential = new DefaultAzureCredential({ disableInstanceDiscovery: true });
    const token = await credential.getToken(armScope);
    const produced = last(/ChainedTokenCredential => getToken\(\) => Result for (\w+): SUCCESS/);
    return { token: { credential: produced ?? "unknown", objectId: String(decodeJwt(token.token).oid) } };
  } catch (error) {
    return { error: describe(error), failedCredential: last(/\b(\w+Credential) => getToken\(\) => ERROR/) };
  }
}

async function ourSide(run: ProbeRun): Promise<ProbeSide> {
  forgetCredentials();
  try {
    // The chain connectAzure signs in with.
    const cloud = resolveCloud(run.env);
    const { chain } = processCredential(run.env, cloud, {
      onAzureVirtualMachine: run.onAzureVirtualMachine,
      azureArcAgentInstalled: false,
    });
    const token = await chain.getToken(cloud.resourceManagerScope);
    const selected = chain.selected;
    if (selected === undefined) throw new TypeError("a token without a selected credential");
    const identity = summarizeAccessToken(selected.name, token.token, undefined);
    return { token: { credential: identity.credential, objectId: identity.objectId } };
  } catch (error) {
    return { error: describe(error), failedCredential: (error as { credential?: string }).credential };
  }
}

function describe(error: unknown): ProbeError {
  if (!(error instanceof Error)) return { name: "unknown", message: String(error) };
  const problems = (error as { problems?: { path: string }[] }).problems;
  // The first line only: enough to classify, and nothing an identity provider might echo further down.
  return { name: error.name, message: error.message.split("\n")[0] ?? "", path: problems?.[0]?.path };
}

for (const run of runs) {
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, run.processEnv);
  const outputs: ProbeOutputs = {};
  takeConnectionAttempts();
  for (const name of run.sides) {
    const side = name === "DefaultAzureCredential" ? await defaultAzureCredentialSide() : await ourSide(run);
    outputs[name] = { side, connections: takeConnectionAttempts() };
  }
  const line: ProbeLine = { key: run.key, outputs };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
