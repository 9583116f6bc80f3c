import {
  GITHUB_OIDC_TASK,
  type KindOptions,
  principalResolver,
  roleAssignmentKind as sharedRoleAssignmentKind,
} from "@infra/arm";
import type { ResourceKind } from "@infra/plan";

/**
 * The deploy identities' role assignments, through the shared role-assignment kind. An assignment for an identity
 * created in the same apply names its principal only once the identity exists: it is looked up then.
 */
export function roleAssignmentKind(options: KindOptions): ResourceKind {
  return sharedRoleAssignmentKind({
    ...options,
    task: GITHUB_OIDC_TASK,
    resolvePrincipal: principalResolver(options.azure),
  });
}
