import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type ArtifactRun, downloadArtifact, isArtifactAction, uploadArtifact } from "./artifact-steps.ts";
import { type ExpressionContexts, evaluateCondition, evaluateString } from "./expressions.ts";
import type { JobResult, StepResult } from "./rehearsal-result.ts";
import { runShellStep } from "./run-shell-step.ts";
import { checkSarifFile } from "./sarif-check.ts";
import { readKeyValueFile } from "./step-files.ts";
import { skipReason } from "./step-policy.ts";
import type { Workflow, WorkflowJob } from "./workflow-file.ts";

export interface JobRun {
  workflow: Workflow;
  job: WorkflowJob;
  matrix: Record<string, unknown> | undefined;
  /** The GitHub environment this leg runs in (`environment:` evaluated with its matrix). */
  environment: string | undefined;
  /** Contexts shared by every step: github, vars, secrets, needs, runner. */
  contexts: ExpressionContexts;
  /** Environment every step starts from (runner variables, emulator endpoints, ID-token request variables). */
  baseEnv: Record<string, string>;
  workspace: string;
  dir: string;
  subject: string | undefined;
  /** Where upload-artifact and download-artifact keep and find files. */
  artifactRun: ArtifactRun;
  output: NodeJS.WritableStream;
  signal?: AbortSignal | undefined;
}

let legIndex = 0;

/** Runs one job (one matrix combination) step by step, as a runner would, carrying outputs, env and status. */
export async function runJob(run: JobRun): Promise<JobResult> {
  const { job } = run;
  const status = { failed: false };
  const steps: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
  const results: StepResult[] = [];
  const summaries: string[] = [];
  const contexts = (env: Record<string, string>): ExpressionContexts => ({
    ...run.contexts,
    matrix: run.matrix ?? {},
    steps,
    env,
    job: { status: status.failed ? "failure" : "success" },
  });
  let env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...run.workflow.env, ...job.env }))
    env[key] = evaluateString(value, contexts(env));
  const jobDir = join(run.dir, "steps", `${job.id}-${run.artifactRun.runId}-${legIndex++}`);
  await mkdir(jobDir, { recursive: true });

  for (const [index, step] of job.steps.entries()) {
    const started = Date.now();
    const stepEnv = { ...env };
    for (const [key, value] of Object.entries(step.env)) stepEnv[key] = evaluateString(value, contexts(stepEnv));
    const name = evaluateString(step.name, contexts(stepEnv));
    const record = (result: Omit<StepResult, "durationMs" | "step">) => {
      results.push({ step: name, ...result, durationMs: Date.now() - started });
    };
    if (!evaluateCondition(step.if, contexts(stepEnv), status)) {
      record({ status: "not run", detail: step.if ? `if: ${step.if}` : "an earlier step failed" });
      continue;
    }
    const artifactAction = isArtifactAction(step.uses);
    if (artifactAction) {
      const inputs = Object.fromEntries(
        Object.entries(step.with).map(([key, value]) => [key, evaluateString(value, contexts(stepEnv))]),
      );
      try {
        const detail = await (artifactAction === "upload" ? uploadArtifact : downloadArtifact)(run.artifactRun, inputs);
        record({ status: "succeeded", detail });
      } catch (error) {
        if (!step.continueOnError) status.failed = true;
        record({ status: "failed", detail: (error as Error).message });
      }
      continue;
    }
    const skip = skipReason(step);
    if (skip) {
      // upload-sarif cannot run here, but what it would be given can be checked.
      const sarif = step.uses?.startsWith("github/codeql-action/upload-sarif@") ? step.with.sarif_file : undefined;
      const problem = sarif ? await checkSarifFile(run.workspace, evaluateString(sarif, contexts(stepEnv))) : undefined;
      if (problem) {
        status.failed = true;
        record({ status: "failed", detail: problem });
      } else record({ status: "skipped", detail: sarif ? `${skip}; ${sarif} is valid SARIF` : skip });
      continue;
    }
    const files = {
      output: join(jobDir, `${index}.output`),
      env: join(jobDir, `${index}.env`),
      summary: join(jobDir, `${index}.summary`),
    };
    await Promise.all(Object.values(files).map((file) => writeFile(file, "")));
    run.output.write(`\n=== ${job.id}: ${name}\n`);
    const code = await runShellStep({
      script: evaluateString(step.run ?? "", contexts(stepEnv)),
      cwd: step.workingDirectory ? join(run.workspace, step.workingDirectory) : run.workspace,
      env: {
        ...run.baseEnv,
        ...stepEnv,
        GITHUB_OUTPUT: files.output,
        GITHUB_ENV: files.env,
        GITHUB_STEP_SUMMARY: files.summary,
      },
      output: run.output,
      signal: run.signal,
    });
    summaries.push(await readFile(files.summary, "utf8"));
    env = { ...env, ...(await readKeyValueFile(files.env)) };
    const outcome = code === 0 ? "success" : "failure";
    if (step.id) {
      steps[step.id] = {
        outputs: await readKeyValueFile(files.output),
        outcome,
        conclusion: code !== 0 && step.continueOnError ? "success" : outcome,
      };
    }
    if (code !== 0 && !step.continueOnError) status.failed = true;
    record(code === 0 ? { status: "succeeded" } : { status: "failed", detail: `exit code ${code}` });
  }
  const outputs = Object.fromEntries(
    Object.entries(job.outputs).map(([key, value]) => [key, evaluateString(value, contexts(env))]),
  );
  return {
    job: job.id,
    matrix: run.matrix,
    environment: run.environment,
    subject: run.subject,
    steps: results,
    outputs,
    summary: summaries.join(""),
    failed: status.failed,
  };
}
