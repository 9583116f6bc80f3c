import { join } from "node:path";
import { CliError, defineCommand, ExitCode, UsageError } from "@infra/cli";
import { startEmulator } from "@infra/emulator";
import { repoEnvironments } from "@infra/environments";
import { parseRepository } from "../github-subject.ts";
import { renderRehearsal } from "./rehearsal-result.ts";
import { rehearseWorkflow } from "./rehearse-workflow.ts";

const WORKFLOWS = ["provision", "plan", "audit"] as const;

/** `pnpm run rehearse -- --workflow provision|plan|audit`: a workflow's run-steps against a local emulator. */
export function rehearseCommand(repoRoot: string) {
  return defineCommand({
    name: "rehearse",
    summary: "Run a workflow's run-steps locally against the emulator, signed in through its GitHub OIDC issuer.",
    usage: `  --workflow provision|plan|audit   which of .github/workflows/ to rehearse (required)
  --event NAME          the trigger to rehearse (default: the workflow's main one)
  --repo OWNER/REPO     the repository the claims name (default acme/infra)
  --github-token-seconds N   lifetime of the issuer's ID tokens (default 300; short proves fresh tokens per request)`,
    options: {
      workflow: { type: "string" },
      event: { type: "string" },
      repo: { type: "string", default: "acme/infra" },
      "github-token-seconds": { type: "string" },
    },
    async run(run) {
      const workflow = run.values.workflow;
      if (!workflow || !WORKFLOWS.includes(workflow as (typeof WORKFLOWS)[number])) {
        throw new UsageError(`--workflow must be one of ${WORKFLOWS.join(", ")}`);
      }
      const seconds = run.values["github-token-seconds"];
      if (seconds !== undefined && !/^[1-9]\d*$/.test(seconds))
        throw new UsageError(`--github-token-seconds ${seconds}: a whole number`);
      const emulator = await startEmulator({
        config: {
          lro: { pollsBeforeDone: 0, retryAfterSeconds: 0 },
          ...(seconds ? { tokens: { githubLifetimeSeconds: Number(seconds), lifetimeSeconds: 3600 } } : {}),
        },
      });
      run.log.info("emulator at %s", emulator.url);
      try {
        const result = await rehearseWorkflow({
          workflowPath: join(repoRoot, ".github", "workflows", `${workflow}.yml`),
          workspace: repoRoot,
          emulator,
          repository: parseRepository(run.values.repo ?? "acme/infra"),
          environments: Object.keys(repoEnvironments).filter((name) => name !== "local"),
          event: run.values.event,
          output: process.stderr,
          signal: run.signal,
        });
        run.printResult(result, renderRehearsal);
        // The exit code is runCommand's to set: a failed rehearsal is an error, not a value left in process.exitCode.
        if (!result.ok) throw new CliError("the rehearsal failed (the failing step is listed above)", ExitCode.failure);
      } finally {
        await emulator.close();
      }
    },
  });
}
