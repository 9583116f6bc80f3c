import type { KindOptions } from "@infra/arm";
import { identityKind } from "@infra/managed-identities";
import type { ResourceKind } from "@infra/plan";
import { groupLockKind, resourceGroupKind } from "@infra/resource-groups";
import { federatedCredentialKind } from "./federated-credential-kind.ts";
import { roleAssignmentKind } from "./role-assignment-kind.ts";

/** Every kind the bootstrap reads and writes; groups, locks and identities are those of their own task packages. */
export function bootstrapKinds(options: KindOptions): ResourceKind[] {
  return [
    resourceGroupKind(options),
    groupLockKind(options),
    identityKind(options),
    federatedCredentialKind(options),
    roleAssignmentKind(options),
  ];
}
