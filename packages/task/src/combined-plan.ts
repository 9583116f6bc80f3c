import type { ParseArgsOptionsConfig } from "node:util";
import type { CommandContext } from "@infra/cli";
import type { Environment } from "@infra/environments";
import type { Plan } from "@infra/plan";
import { combinePlans } from "./combine-plans.ts";
import { runTaskPhase } from "./run-task-phase.ts";
import { forwardedFlags } from "./task-run-directory.ts";

export interface CombinedPlanRequest {
  environment: Environment;
  prune: boolean;
  destroy: boolean;
  dir: string;
  repoRoot: string;
  cwd: string;
}

/** Every task plans in parallel (turbo), then their plans become one. */
export async function planAllTasks<O extends ParseArgsOptionsConfig>(
  run: Pick<CommandContext<O>, "flags" | "env" | "signal" | "log">,
  request: CombinedPlanRequest,
): Promise<Plan> {
  run.log.info("planning %s: reading live state", request.environment.name);
  const results = await runTaskPhase<Plan>({
    turboTask: "plan",
    phase: "plan",
    args: [
      ...forwardedFlags(run.flags, request.cwd),
      ...(request.prune ? ["--prune"] : []),
      ...(request.destroy ? ["--destroy"] : []),
    ],
    dir: request.dir,
    repoRoot: request.repoRoot,
    env: run.env,
    signal: run.signal,
    outputLogs: "errors-only",
    verbose: run.flags.verbose,
  });
  return combinePlans(results.flatMap((result) => (result.data ? [result.data] : [])));
}
