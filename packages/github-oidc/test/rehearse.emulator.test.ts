import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { ResourceManagementClient } from "@azure/arm-resources";
import { connectAzure } from "@infra/auth";
import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRepository } from "../src/github-subject.ts";
import type { RehearsalResult } from "../src/rehearsal/rehearsal-result.ts";
import { rehearseWorkflow } from "../src/rehearsal/rehearse-workflow.ts";

const repoRoot = join(import.meta.dirname, "..", "..", "..");
// Far shorter than a run: every process of the run must fetch its own fresh ID token, or Entra answers AADSTS700024.
const GITHUB_TOKEN_SECONDS = 3;
let emulator: Emulator;
let log = "";

async function rehearse(workflow: string): Promise<{ result: RehearsalResult; elapsedMs: number }> {
  const output = new PassThrough();
  output.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  const started = Date.now();
  const result = await rehearseWorkflow({
    workflowPath: join(repoRoot, ".github", "workflows", `${workflow}.yml`),
    workspace: repoRoot,
    emulator,
    repository: parseRepository("acme/infra"),
    environments: ["prod"],
    output,
  });
  return { result, elapsedMs: Date.now() - started };
}

const statuses = (result: RehearsalResult) =>
  result.jobs.flatMap((job) => job.steps.map((step) => `${step.status} ${step.step}`));

beforeAll(async () => {
  emulator = await startEmulator({
    config: {
      lro: { pollsBeforeDone: 0, retryAfterSeconds: 0 },
      tokens: { lifetimeSeconds: 3600, githubLifetimeSeconds: GITHUB_TOKEN_SECONDS },
    },
  });
  // The seed's brownfield group is not this repo's and would be an audit finding of its own; prod starts empty.
  const ops = await connectAzure({ task: "rehearse-test", env: emulator.env("ops") });
  await new ResourceManagementClient(ops.credential, ops.subscriptionId, ops.clientOptions).resourceGroups
    .beginDeleteAndWait(SEED.legacyResourceGroup, { updateIntervalInMs: 10 })
    .catch(() => undefined);
});
afterAll(async () => {
  await emulator?.close();
});

describe("pnpm run rehearse", () => {
  it("provision.yml: runs as environment:prod, applies prod, and outlives many GitHub token lifetimes", async () => {
    await emulator.admin.clearRequests();
    // The account's create takes longer than two GitHub token lifetimes, so the job must fetch fresh ID tokens.
    await emulator.admin.addFault({ method: "PUT", path: "/storageAccounts/prdappassets\\?", delayMs: 7000 });
    const { result, elapsedMs } = await rehearse("provision");
    await emulator.admin.clearFaults();
    expect(result.ok, log.slice(-3000)).toBe(true);
    expect(result.jobs.map((job) => job.subject)).toEqual(["repo:acme/infra:environment:prod"]);
    expect(statuses(result)).toEqual([
      expect.stringMatching(/^skipped actions\/checkout@/),
      expect.stringMatching(/^skipped pnpm\/action-setup@/),
      expect.stringMatching(/^skipped actions\/setup-node@/),
      "skipped Install",
      "succeeded Who am I",
      "succeeded Provision prod",
    ]);
    expect(log).toContain("Apply complete");

    expect(elapsedMs).toBeGreaterThan(2 * GITHUB_TOKEN_SECONDS * 1000);
    const requests = await emulator.admin.requests();
    const idTokens = requests.filter((entry) => entry.path.startsWith("/github/token"));
    const span = Date.parse(idTokens.at(-1)?.time ?? "") - Date.parse(idTokens[0]?.time ?? "");
    expect(span).toBeGreaterThan(GITHUB_TOKEN_SECONDS * 1000);
    expect(
      requests.filter((entry) => entry.path.includes("/oauth2/v2.0/token")).map((entry) => entry.status),
    ).not.toContain(400);
    expect(requests.filter((entry) => entry.status === 401)).toEqual([]);
    const writes = requests.filter((entry) => entry.method === "PUT" && entry.path.includes("prdappassets"));
    expect(writes.length).toBeGreaterThan(0);
  }, 240_000);

  it("audit.yml: runs as the default branch, writes SARIF for code scanning and a Markdown job summary", async () => {
    await emulator.admin.clearRequests();
    const { result } = await rehearse("audit");
    expect(result.jobs.map((job) => job.subject)).toEqual(["repo:acme/infra:ref:refs/heads/main"]);
    const steps = statuses(result);
    expect(steps).toContain("succeeded Audit prod");
    expect(steps).toContainEqual(expect.stringMatching(/^skipped Upload to code scanning$/));
    const upload = result.jobs[0]?.steps.find((step) => step.step === "Upload to code scanning");
    expect(upload?.detail).toContain("audit.sarif is valid SARIF");
    expect(result.artifacts).toContain("audit.sarif");
    const sarif = JSON.parse(readFileSync(join(result.runDir, "audit.sarif"), "utf8")) as {
      version: string;
      runs: Array<{
        automationDetails: { id: string };
        results: Array<{ locations: Array<{ physicalLocation?: { artifactLocation?: { uri?: string } } }> }>;
      }>;
    };
    expect(sarif.version).toBe("2.1.0");
    // What code scanning needs, which the upload step's check passed: a category, and a file for every result.
    expect(sarif.runs[0]?.automationDetails.id).toBe("azure-audit/prod/");
    const uris = sarif.runs[0]?.results.map((entry) => entry.locations[0]?.physicalLocation?.artifactLocation?.uri);
    expect(uris?.filter((uri) => uri === undefined)).toEqual([]);
    expect(result.jobs[0]?.summary).toMatch(/audit/i);
    // Whether the run fails on findings is the audit's verdict; it must never be an auth failure.
    expect(log).not.toMatch(/AADSTS\d+/);
    const requests = await emulator.admin.requests();
    expect(requests.filter((entry) => entry.status === 401 || entry.status === 403)).toEqual([]);
    expect(
      requests.some(
        (entry) =>
          entry.method !== "GET" &&
          entry.path.startsWith("/subscriptions/") &&
          !entry.path.includes("/resourceGroups/rg-prd-identity"),
      ),
    ).toBe(false);
  }, 240_000);
});
