// The reviewed plan is the applied plan: plan.yml on a pull request keeps each environment's plan and one comment per
// environment; provision.yml after the merge applies that plan as it was reviewed, or, when Azure moved in between,
// refuses it, shows a new plan and waits for the environment's reviewers before applying that one.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { StorageManagementClient } from "@azure/arm-storage";
import { type AzureContext, connectAzure } from "@infra/auth";
import { type Emulator, startEmulator } from "@infra/emulator";
import { ownershipTags } from "@infra/plan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRepository } from "../src/github-subject.ts";
import { RehearsalGitHub } from "../src/rehearsal/github-stand-in.ts";
import type { TriggerOptions } from "../src/rehearsal/rehearsal-event.ts";
import { type JobResult, type RehearsalResult, renderRehearsal } from "../src/rehearsal/rehearsal-result.ts";
import { rehearseWorkflow } from "../src/rehearsal/rehearse-workflow.ts";

const repoRoot = join(import.meta.dirname, "..", "..", "..");
// The base of the change: the first commit, so every environment counts as touched whatever HEAD holds.
const root = execFileSync("git", ["rev-list", "--max-parents=0", "HEAD"], { cwd: repoRoot, encoding: "utf8" })
  .trim()
  .split("\n")[0];
const FIRST_HEAD = "a".repeat(40);
const SECOND_HEAD = "b".repeat(40);
const MERGE = "c".repeat(40);
const PULL = 12;

let emulator: Emulator;
let github: RehearsalGitHub;
let ops: AzureContext;
let log = "";

async function rehearse(
  workflow: string,
  trigger: TriggerOptions,
  approve: (job: string, environment: string) => boolean = () => true,
): Promise<RehearsalResult> {
  const output = new PassThrough();
  output.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  return rehearseWorkflow({
    workflowPath: join(repoRoot, ".github", "workflows", `${workflow}.yml`),
    workspace: repoRoot,
    emulator,
    repository: parseRepository("acme/infra"),
    environments: ["dev", "prod"],
    trigger,
    github,
    // Both environments have required reviewers here, so every apply job waits for an answer.
    protectedEnvironments: ["dev", "prod"],
    approve,
    output,
  });
}

const leg = (result: RehearsalResult, job: string, environment: string): JobResult | undefined =>
  result.jobs.find((entry) => entry.job === job && entry.matrix?.environment === environment);
const step = (job: JobResult | undefined, name: string) => job?.steps.find((entry) => entry.step === name)?.status;
const storage = () => new StorageManagementClient(ops.credential, ops.subscriptionId, ops.clientOptions);

beforeAll(async () => {
  emulator = await startEmulator({
    config: {
      lro: { pollsBeforeDone: 0, retryAfterSeconds: 0 },
      tokens: { lifetimeSeconds: 3600, githubLifetimeSeconds: 300 },
    },
  });
  github = await RehearsalGitHub.create();
  ops = await connectAzure({ task: "pull-request-merge-test", env: emulator.env("ops") });
});
afterAll(async () => {
  await emulator?.close();
});

describe("a pull request, then its merge", () => {
  it("plan.yml keeps each environment's plan under the head commit and one comment per environment, edited in place", async () => {
    await github.openPullRequest({ number: PULL, headSha: FIRST_HEAD, baseSha: root ?? "HEAD~1" });
    const first = await rehearse("plan", { pullRequest: { number: PULL, headSha: FIRST_HEAD, baseSha: root ?? "" } });
    expect(first.ok, log.slice(-4000)).toBe(true);
    await github.openPullRequest({ number: PULL, headSha: SECOND_HEAD, baseSha: root ?? "HEAD~1" });
    const second = await rehearse("plan", { pullRequest: { number: PULL, headSha: SECOND_HEAD, baseSha: root ?? "" } });
    expect(second.ok, log.slice(-4000)).toBe(true);
    expect(second.jobs.filter((job) => job.job === "plan").map((job) => job.subject)).toEqual([
      "repo:acme/infra:pull_request",
      "repo:acme/infra:pull_request",
    ]);

    const names = (await github.artifacts()).map((artifact) => `${artifact.name}@${artifact.runId}`);
    for (const [sha, run] of [
      [FIRST_HEAD, first.runId],
      [SECOND_HEAD, second.runId],
    ] as const) {
      expect(names).toEqual(expect.arrayContaining([`plan-dev-${sha}@${run}`, `plan-prod-${sha}@${run}`]));
    }
    const comments = await github.comments(PULL);
    expect(comments.map((comment) => comment.body.split("\n")[0]).sort()).toEqual([
      "<!-- azure-infra-ops plan: dev -->",
      "<!-- azure-infra-ops plan: prod -->",
    ]);
    for (const comment of comments) {
      expect(comment.body).toContain(`Planned at \`${SECOND_HEAD}\``);
      expect(comment.body).toContain("```mermaid\nflowchart LR");
    }
  }, 600_000);

  it("after a change in Azure, provision.yml refuses the stale plan, shows a new one and waits; the other applies as reviewed", async () => {
    // Someone changes dev in Azure between review and merge: its account now exists, with TLS 1.0.
    await storage().storageAccounts.beginCreateAndWait(
      "rg-dev-app",
      "devappassets",
      {
        location: "westeurope",
        kind: "StorageV2",
        sku: { name: "Standard_LRS" },
        tags: { ...ownershipTags("dev", "storage"), owner: "platform-team", "cost-center": "engineering" },
        minimumTlsVersion: "TLS1_0",
        // As the baseline has them: these cannot change after creation, and a plan never replaces an account.
        encryption: {
          keySource: "Microsoft.Storage",
          requireInfrastructureEncryption: true,
          services: { blob: { enabled: true, keyType: "Account" }, file: { enabled: true, keyType: "Account" } },
        },
      },
      { updateIntervalInMs: 10 },
    );
    await github.mergePullRequest(PULL, MERGE);
    await emulator.admin.clearRequests();

    const merged = await rehearse("provision", { sha: MERGE, before: root }, (job) => job === "provision");
    expect(merged.ok, `${renderRehearsal(merged)}\n${log.slice(-3000)}`).toBe(true);
    expect(merged.waiting).toEqual(["apply-replan (dev)"]);

    const dev = leg(merged, "provision", "dev");
    expect(dev?.subject).toBe("repo:acme/infra:environment:dev");
    expect(step(dev, "Apply the reviewed plan")).toBe("succeeded");
    expect(step(dev, "Plan again for approval")).toBe("succeeded");
    expect(step(dev, "Keep the new plan for approval")).toBe("succeeded");
    expect(dev?.summary).toContain("Not the plan reviewed on the pull request");
    expect(dev?.summary).toContain("```mermaid\nflowchart LR");
    expect(dev?.summary).toMatch(/update storage\.account\["devappassets"\]/);
    expect(log).toContain("StalePlanError");

    const prod = leg(merged, "provision", "prod");
    expect(step(prod, "Apply the reviewed plan")).toBe("succeeded");
    expect(step(prod, "Plan again for approval")).toBe("not run");
    expect(leg(merged, "apply-replan", "dev")?.waiting).toBe(true);

    const writes = (await emulator.admin.requests()).filter(
      (entry) => entry.method === "PUT" || entry.method === "PATCH",
    );
    expect(writes.some((entry) => entry.path.includes("/storageAccounts/prdappassets"))).toBe(true);
    expect(writes.some((entry) => entry.path.includes("/storageAccounts/devappassets"))).toBe(false);
    const account = await storage().storageAccounts.getProperties("rg-dev-app", "devappassets");
    expect(account.minimumTlsVersion).toBe("TLS1_0");
  }, 600_000);

  it("once approved, the new plan is applied, itself checked again; prod, now current, needs nothing", async () => {
    await emulator.admin.clearRequests();
    const approved = await rehearse("provision", { sha: MERGE, before: root });
    expect(approved.ok, `${renderRehearsal(approved)}\n${log.slice(-3000)}`).toBe(true);
    expect(approved.waiting).toEqual([]);
    const apply = leg(approved, "apply-replan", "dev");
    expect(apply?.subject).toBe("repo:acme/infra:environment:dev");
    expect(step(apply, "Apply the approved plan")).toBe("succeeded");
    expect(leg(approved, "apply-replan", "prod")).toBeUndefined();
    expect(leg(approved, "provision", "prod")?.summary).toContain("No changes: prod already matches main.");
    const account = await storage().storageAccounts.getProperties("rg-dev-app", "devappassets");
    expect(account.minimumTlsVersion).toBe("TLS1_2");
  }, 600_000);

  it("a fork's pull request gets no ID token: its plan cannot sign in, and no plan is kept for the merge", async () => {
    const fork = 13;
    const head = "d".repeat(40);
    const result = await rehearse("plan", {
      pullRequest: { number: fork, headSha: head, baseSha: root ?? "" },
      fromFork: true,
    });
    expect(result.ok).toBe(false);
    const plans = result.jobs.filter((job) => job.job === "plan");
    expect(plans.map((job) => [job.subject, step(job, "Plan")])).toEqual([
      [undefined, "failed"],
      [undefined, "failed"],
    ]);
    expect(log).toContain("GitHub Actions OIDC is not available to this job");
    // Its token is read-only too: not even the comment saying the plan failed gets through.
    expect(plans.map((job) => step(job, "Comment on the pull request"))).toEqual(["failed", "failed"]);
    expect(await github.comments(fork)).toEqual([]);
    expect((await github.artifacts()).filter((artifact) => artifact.headSha === head)).toEqual([]);
  }, 600_000);
});
