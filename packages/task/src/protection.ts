import type { Environment } from "@infra/environments";
import type { Plan } from "@infra/plan";

/** Whether applying a plan needs the environment's name typed, and why. */
export interface Protection {
  readonly protected: boolean;
  readonly reason: string;
}

/**
 * Protection is decided by the file AND by Azure: every tagged resource of a protected environment carries
 * `protected=true`, so a file that claims the environment's name but not its protection (or lifts it) still needs the
 * name typed before it changes anything there. Counting no-ops too: writing anything into a protected environment
 * is protected work.
 */
export function protectionOf(environment: Environment, plan: Plan): Protection {
  const marked = plan.changes.filter((change) => change.protected).length;
  if (environment.protected && marked > 0) {
    return { protected: true, reason: `the environment file and ${marked} of its resources in Azure say so` };
  }
  if (environment.protected) return { protected: true, reason: "the environment file says so" };
  if (marked > 0) {
    return {
      protected: true,
      reason: `${marked} of its resources in Azure are marked protected (the file says it is not: lifting protection needs the name too)`,
    };
  }
  return { protected: false, reason: "neither the file nor Azure marks it protected" };
}
