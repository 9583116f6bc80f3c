export type StepStatus = "succeeded" | "failed" | "skipped" | "not run";

export interface StepResult {
  step: string;
  status: StepStatus;
  /** Why skipped or what failed. */
  detail?: string | undefined;
  durationMs: number;
}

export interface JobResult {
  job: string;
  matrix?: Record<string, unknown> | undefined;
  environment?: string | undefined;
  /** The `sub` of the ID tokens this job was given; undefined without `id-token: write`. */
  subject?: string | undefined;
  steps: StepResult[];
  outputs: Record<string, string>;
  /** What the steps wrote to $GITHUB_STEP_SUMMARY. */
  summary: string;
  failed: boolean;
  /** Not started: its GitHub environment's required reviewers have not approved it. */
  waiting?: boolean | undefined;
}

export interface RehearsalResult {
  workflow: string;
  event: string;
  /** `github.run_id`: artifacts of this run are kept under it in the rehearsal's GitHub. */
  runId: number;
  jobs: JobResult[];
  /** Jobs waiting for approval, as `job (environment)`; what needs them did not start either. */
  waiting: string[];
  /** Files each job left in the workspace, moved to `runDir/<job>-<matrix values>/` so the checkout stays as it was. */
  artifacts: string[];
  runDir: string;
  ok: boolean;
}

export function renderRehearsal(result: RehearsalResult): string {
  const lines = [`rehearsal of ${result.workflow} (${result.event}):`];
  for (const job of result.jobs) {
    const matrix = job.matrix ? ` ${JSON.stringify(job.matrix)}` : "";
    const verdict = job.waiting ? `waiting for approval in ${job.environment}` : job.failed ? "FAILED" : "ok";
    lines.push(`  job ${job.job}${matrix}${job.subject ? ` as ${job.subject}` : ""}: ${verdict}`);
    for (const step of job.steps) {
      const detail = step.detail ? ` - ${step.detail}` : "";
      lines.push(`    ${step.status.padEnd(9)} ${step.step}${detail}`);
    }
  }
  if (result.artifacts.length > 0) lines.push(`  files kept in ${result.runDir}: ${result.artifacts.join(", ")}`);
  lines.push(
    result.ok
      ? `Rehearsal passed${result.waiting.length > 0 ? `; waiting for approval: ${result.waiting.join(", ")}` : ""}.`
      : "Rehearsal failed.",
    "Not covered: the runner itself, `uses:` actions other than upload/download-artifact (checkout and setup are this checkout; upload-sarif: its file is checked), GitHub's API beyond the calls the workflows make (served by a local stand-in).",
  );
  return lines.join("\n");
}
