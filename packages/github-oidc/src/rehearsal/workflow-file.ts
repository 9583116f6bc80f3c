import { readFile } from "node:fs/promises";
import { ConfigError } from "@infra/cli";
import { parse } from "yaml";

/** The parts of a workflow the rehearsal acts on; everything else in the file is ignored. */
export interface WorkflowStep {
  name: string;
  id?: string | undefined;
  uses?: string | undefined;
  run?: string | undefined;
  if?: string | undefined;
  env: Record<string, string>;
  with: Record<string, string>;
  continueOnError: boolean;
  workingDirectory?: string | undefined;
}

export interface WorkflowJob {
  id: string;
  needs: string[];
  if?: string | undefined;
  environment?: string | undefined;
  permissions: Record<string, string>;
  env: Record<string, string>;
  /** `strategy.matrix` as written (may hold expressions), or undefined. */
  matrix: unknown;
  outputs: Record<string, string>;
  steps: WorkflowStep[];
}

export interface Workflow {
  name: string;
  events: string[];
  permissions: Record<string, string>;
  env: Record<string, string>;
  jobs: WorkflowJob[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const strings = (value: unknown): Record<string, string> =>
  isRecord(value) ? Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, String(entry)])) : {};
const optional = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : String(value);

export async function readWorkflow(path: string): Promise<Workflow> {
  const document: unknown = parse(await readFile(path, "utf8"));
  if (!isRecord(document) || !isRecord(document.jobs)) throw new ConfigError(`${path}: not a workflow (no jobs)`);
  const on = document.on;
  const events =
    typeof on === "string" ? [on] : Array.isArray(on) ? on.map(String) : isRecord(on) ? Object.keys(on) : [];
  const jobs = Object.entries(document.jobs).map(([id, raw]): WorkflowJob => {
    const job = isRecord(raw) ? raw : {};
    const environment = isRecord(job.environment) ? job.environment.name : job.environment;
    const strategy = isRecord(job.strategy) ? job.strategy : {};
    const steps = Array.isArray(job.steps) ? job.steps.filter(isRecord) : [];
    return {
      id,
      needs: typeof job.needs === "string" ? [job.needs] : Array.isArray(job.needs) ? job.needs.map(String) : [],
      if: optional(job.if),
      environment: optional(environment),
      permissions: strings(job.permissions),
      env: strings(job.env),
      matrix: strategy.matrix,
      outputs: strings(job.outputs),
      steps: steps.map((step, index) => ({
        name: String(step.name ?? step.uses ?? step.run ?? `step ${index + 1}`).split("\n")[0] ?? "",
        id: optional(step.id),
        uses: optional(step.uses),
        run: optional(step.run),
        if: optional(step.if),
        env: strings(step.env),
        with: strings(step.with),
        continueOnError: step["continue-on-error"] === true,
        workingDirectory: optional(step["working-directory"]),
      })),
    };
  });
  return {
    name: String(document.name ?? path),
    events,
    permissions: strings(document.permissions),
    env: strings(document.env),
    jobs,
  };
}
