import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { ManagedServiceIdentityClient } from "@azure/arm-msi";
import { ResourceManagementClient } from "@azure/arm-resources";
import { type AzureContext, connectAzure } from "@infra/auth";
import { AuthorizationManagementClient } from "@infra/auth/authorization-client";
import { type Emulator, ROLE_IDS, SEED, startEmulator } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRepository } from "../src/github-subject.ts";
import type { GitHubVariable } from "../src/github-variables.ts";
import { RehearsalGitHub } from "../src/rehearsal/github-stand-in.ts";
import type { TriggerOptions } from "../src/rehearsal/rehearsal-event.ts";
import { type RehearsalResult, renderRehearsal } from "../src/rehearsal/rehearsal-result.ts";
import { rehearseWorkflow } from "../src/rehearsal/rehearse-workflow.ts";

const repoRoot = join(import.meta.dirname, "..", "..", "..");
// Far shorter than a run: every process of the run must fetch its own fresh ID token, or Entra answers AADSTS700024.
const GITHUB_TOKEN_SECONDS = 3;
let emulator: Emulator;
let ops: AzureContext;
let github: RehearsalGitHub;
let log = "";

async function rehearse(
  workflow: string,
  options: { event?: string; trigger?: TriggerOptions; variables?: GitHubVariable[] } = {},
): Promise<{ result: RehearsalResult; elapsedMs: number }> {
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
    github,
    ...options,
    output,
  });
  return { result, elapsedMs: Date.now() - started };
}

beforeAll(async () => {
  emulator = await startEmulator({
    config: {
      lro: { pollsBeforeDone: 0, retryAfterSeconds: 0 },
      tokens: { lifetimeSeconds: 3600, githubLifetimeSeconds: GITHUB_TOKEN_SECONDS },
    },
  });
  github = await RehearsalGitHub.create();
  // The seed's brownfield group is not this repo's and would be an audit finding of its own; prod starts empty.
  ops = await connectAzure({ task: "rehearse-test", env: emulator.env("ops") });
  await new ResourceManagementClient(ops.credential, ops.subscriptionId, ops.clientOptions).resourceGroups
    .beginDeleteAndWait(SEED.legacyResourceGroup, { updateIntervalInMs: 10 })
    .catch(() => undefined);
});
afterAll(async () => {
  await emulator?.close();
});

const steps = (result: RehearsalResult, job: string) =>
  result.jobs
    .filter((entry) => entry.job === job)
    .flatMap((entry) => entry.steps.map((step) => `${step.status} ${step.step}`));

describe("pnpm run rehearse", () => {
  it("provision.yml by hand: plans prod, and the apply job in environment:prod applies it, outliving many GitHub token lifetimes", async () => {
    await emulator.admin.clearRequests();
    // The account's create takes longer than two GitHub token lifetimes, so the job must fetch fresh ID tokens.
    await emulator.admin.addFault({ method: "PUT", path: "/storageAccounts/prdappassets\\?", delayMs: 7000 });
    const { result, elapsedMs } = await rehearse("provision", {
      event: "workflow_dispatch",
      trigger: { inputs: { environment: "prod" } },
    });
    await emulator.admin.clearFaults();
    expect(result.ok, `${renderRehearsal(result)}\n${log.slice(-3000)}`).toBe(true);
    expect(result.jobs.map((job) => `${job.job} ${job.subject ?? "(no ID token)"}`)).toEqual([
      "changes (no ID token)",
      "provision repo:acme/infra:environment:prod",
      "approvals (no ID token)",
      "apply-replan repo:acme/infra:environment:prod",
    ]);
    // A manual run has no reviewed plan: a new one is shown, kept, and applied by the job that waits for approval.
    expect(steps(result, "provision").filter((step) => !step.startsWith("skipped"))).toEqual([
      "not run Find the reviewed plan",
      "succeeded Who am I",
      "not run Apply the reviewed plan",
      "succeeded Plan again for approval",
      "succeeded Keep the new plan for approval",
    ]);
    expect(steps(result, "apply-replan")).toContain("succeeded Apply the approved plan");
    expect(result.jobs.find((job) => job.job === "provision")?.summary).toContain("```mermaid");
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
  }, 600_000);

  let firstAudit: RehearsalResult;

  it("audit.yml: lists the shards, audits each as the default branch with its own SARIF category, merges them", async () => {
    await emulator.admin.clearRequests();
    const { result } = await rehearse("audit");
    firstAudit = result;
    expect(result.jobs.map((job) => `${job.job} ${job.subject}`)).toEqual([
      "shards repo:acme/infra:ref:refs/heads/main",
      "audit repo:acme/infra:ref:refs/heads/main",
      "merge undefined",
    ]);
    const audit = result.jobs.find((job) => job.job === "audit");
    expect(audit?.matrix?.category).toBe("azure-audit/prod/");
    expect(steps(result, "audit")).toContain("succeeded Audit the shard");
    const upload = audit?.steps.find((step) => step.step === "Upload to code scanning");
    expect(upload?.detail).toContain("audit.sarif is valid SARIF");
    const left = result.artifacts.find((file) => file.startsWith("audit-") && file.endsWith("/audit.sarif")) ?? "";
    const sarif = JSON.parse(readFileSync(join(result.runDir, left), "utf8")) as {
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
    const merge = result.jobs.find((job) => job.job === "merge");
    expect(merge?.steps.find((step) => step.step === "Merge")?.status).toBe("succeeded");
    expect(merge?.summary).toMatch(/^## Azure audit: /m);
    // Whether the run fails on findings is the audit's verdict; it must never be an auth failure.
    expect(log).not.toMatch(/AADSTS\d+/);
    const requests = await emulator.admin.requests();
    expect(requests.filter((entry) => entry.status === 401 || entry.status === 403)).toEqual([]);
    // The audit reads only: the one writer is the bootstrap, as ops (the ID-token endpoint is a POST of its own).
    expect(
      requests.filter(
        (entry) => entry.method !== "GET" && entry.path.startsWith("/subscriptions/") && entry.principal !== "ops",
      ),
    ).toEqual([]);
  }, 600_000);

  it("audit.yml with an audit identity: the tenant split fans out in shards, merged with prod's, with the trend", async () => {
    // prod's read identity, given Reader on the second subscription too, audits the tenant.
    const reader = await new ManagedServiceIdentityClient(
      ops.credential,
      ops.subscriptionId,
      ops.clientOptions,
    ).userAssignedIdentities.get("rg-prd-identity", "id-prd-github-read");
    const scope = `/subscriptions/${SEED.subscription2}`;
    await new AuthorizationManagementClient(
      ops.credential,
      SEED.subscription2,
      ops.clientOptions,
    ).roleAssignments.create(scope, randomUUID(), {
      roleDefinitionId: `${scope}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS.reader}`,
      principalId: reader.principalId ?? "",
      principalType: "ServicePrincipal",
    });
    const { result } = await rehearse("audit", {
      event: "workflow_dispatch",
      trigger: { inputs: { environment: "", shards: "2" } },
      variables: [
        { name: "AZURE_AUDIT_CLIENT_ID", value: reader.clientId ?? "" },
        { name: "AZURE_AUDIT_SUBSCRIPTION_ID", value: ops.subscriptionId },
      ],
    });
    const legs = result.jobs.filter((job) => job.job === "audit");
    expect(legs.map((job) => [job.matrix?.shard, job.matrix?.category])).toEqual([
      ["1/1", "azure-audit/prod/"],
      ["1/2", "azure-audit/all/shard-1-of-2/"],
      ["2/2", "azure-audit/all/shard-2-of-2/"],
    ]);
    expect(
      legs
        .flatMap((job) => String(job.matrix?.subscriptions).split(" "))
        .slice(1)
        .sort(),
    ).toEqual([SEED.subscription1, SEED.subscription2].sort());
    for (const leg of legs) {
      expect(leg.steps.find((step) => step.step === "Upload to code scanning")?.detail).toContain("is valid SARIF");
      expect(leg.steps.find((step) => step.step === "Keep the report for the merge")?.status).toBe("succeeded");
    }
    const merge = result.jobs.find((job) => job.job === "merge");
    expect(merge?.steps.find((step) => step.step === "Download the previous report")?.status).toBe("succeeded");
    // The first night's merged report is the previous one here.
    expect(
      firstAudit.jobs
        .find((job) => job.job === "merge")
        ?.steps.find((step) => step.step === "Keep the merged report for the next run")?.status,
    ).toBe("succeeded");
    expect(merge?.summary).toMatch(/### Since the previous run: \d+ new, \d+ resolved/);
    expect(log).not.toMatch(/AADSTS\d+/);
  }, 600_000);
});
