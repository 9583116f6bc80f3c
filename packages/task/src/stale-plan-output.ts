import { setOutput } from "@infra/cli";
import { StalePlanError } from "@infra/plan";

/** The step output a workflow reads to tell a refused stale plan from any other failure (both exit 1). */
export const STALE_PLAN_OUTPUT = "stale-plan";

/**
 * Rethrows `error`, first marking a refused stale plan in GitHub Actions with the step output `stale-plan=true`:
 * the provision workflow then re-plans and waits for approval instead of failing. Outside Actions it only rethrows
 * (the message starts `error: StalePlanError:` there).
 */
export function markStalePlan(env: NodeJS.ProcessEnv): (error: unknown) => never {
  return (error) => {
    if (error instanceof StalePlanError) setOutput(STALE_PLAN_OUTPUT, "true", { env });
    throw error;
  };
}
