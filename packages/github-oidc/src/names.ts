import type { Environment } from "@infra/environments";

/** The two deploy identities of an environment: one that may change it, one that may only read it. */
export type DeployRole = "apply" | "read";

/**
 * The identities live in a group of their own, outside the environment's groups: the apply identity is Contributor on
 * those, and Contributor where its own identity lives could add itself a federated credential for any branch.
 */
export function identityGroupName(environment: Environment): string {
  return `rg-${environment.namingPrefix}-identity`;
}

export function identityName(environment: Environment, role: DeployRole): string {
  return `id-${environment.namingPrefix}-github-${role}`;
}
