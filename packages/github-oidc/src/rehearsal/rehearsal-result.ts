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
}

export interface RehearsalResult {
  workflow: string;
  event: string;
  jobs: JobResult[];
  /** Files the steps left in the workspace, moved to `runDir` so the checkout stays as it was. */
  artifacts: string[];
  runDir: string;
  ok: boolean;
}

export function renderRehearsal(result: RehearsalResult): string {
  const lines = [`rehearsal of ${result.workflow} (${result.event}):`];
  for (const job of result.jobs) {
    const matrix = job.matrix ? ` ${JSON.stringify(job.matrix)}` : "";
    lines.push(`  job ${job.job}${matrix}${job.subject ? ` as ${job.subject}` : ""}: ${job.failed ? "FAILED" : "ok"}`);
    for (const step of job.steps) {
      const detail = step.detail ? ` - ${step.detail}` : "";
      lines.push(`    ${step.status.padEnd(9)} ${step.step}${detail}`);
    }
  }
  if (result.artifacts.length > 0) lines.push(`  files kept in ${result.runDir}: ${result.artifacts.join(", ")}`);
  lines.push(
    result.ok ? "Rehearsal passed." : "Rehearsal failed.",
    "Not covered: the runner itself, `uses:` actions (checkout, setup, upload-sarif: its file is checked), calls to GitHub's API, GitHub's environment protection rules.",
  );
  return lines.join("\n");
}
