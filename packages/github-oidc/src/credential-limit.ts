import { CREDENTIAL_KIND, parentIdentityId } from "@infra/arm";
import { CliError, ExitCode } from "@infra/cli";
import type { Plan } from "@infra/plan";

/** Entra ID's limit per application or user-assigned identity. */
export const MAX_FEDERATED_CREDENTIALS = 20;

/** Applying the plan would leave an identity with more federated credentials than Entra ID allows. */
export class FederatedCredentialLimitError extends CliError {
  readonly identityId: string;
  readonly count: number;
  constructor(identityId: string, count: number) {
    const name = identityId.split("/").at(-1) ?? identityId;
    super(
      `identity '${name}' would hold ${count} federated identity credentials; Entra ID allows at most ${MAX_FEDERATED_CREDENTIALS} per identity. ` +
        "Nothing was changed. Remove credentials it no longer needs (rerun with --prune to delete the ones this repo made and no longer wants), " +
        "or use a flexible credential (claimsMatchingExpression) for many similar subjects",
      ExitCode.config,
    );
    this.name = "FederatedCredentialLimitError";
    this.identityId = identityId;
    this.count = count;
  }
}

/** Credentials each identity would hold after the plan: kept and created ones, plus leftovers not pruned. */
export function credentialsAfterApply(plan: Plan): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (id: string) => {
    const parent = parentIdentityId(id).toLowerCase();
    counts.set(parent, (counts.get(parent) ?? 0) + 1);
  };
  for (const change of plan.changes) if (change.kind === CREDENTIAL_KIND && change.action !== "delete") add(change.id);
  for (const orphan of plan.orphans) if (orphan.kind === CREDENTIAL_KIND) add(orphan.id);
  return counts;
}

/** Refuses before anything is applied, rather than failing halfway with ARM's BadRequest. */
export function checkCredentialLimit(plan: Plan): void {
  for (const [identityId, count] of credentialsAfterApply(plan)) {
    if (count > MAX_FEDERATED_CREDENTIALS) throw new FederatedCredentialLimitError(identityId, count);
  }
}
