import { isAuthorizationFailed } from "@infra/arm";
import type { AzureContext } from "@infra/auth";
import type { Plan, PlanChange, PlanNote, PlanProblem } from "@infra/plan";
import type { PreflightResult } from "@infra/task";
import { storageClient } from "./storage-clients.ts";
import { STORAGE_KINDS } from "./storage-kind-names.ts";

/**
 * Account names are global across Azure: a create whose name someone else holds would fail halfway through an apply.
 * Asks ARM about every account the plan creates, before anything is applied.
 *
 * The check is a subscription-scope action, so an identity whose roles are all on the environment's resource groups
 * (the least privilege for provisioning) is refused it. Then the plan carries a note instead of a problem: the create
 * itself is still refused by ARM if the name is taken (StorageAccountAlreadyTaken), just later.
 */
export async function checkAccountNames(
  plan: Plan,
  azure: AzureContext,
  signal?: AbortSignal,
): Promise<PreflightResult> {
  const client = storageClient(azure);
  const creates = plan.changes.filter((change) => change.kind === STORAGE_KINDS.account && change.action === "create");
  // One answer per create, kept in plan order (not in the order ARM answers) so the plan reads the same every time.
  const answers = await Promise.all(
    creates.map(async (change) => {
      try {
        const result = await client.storageAccounts.checkNameAvailability(
          { name: change.name, type: "Microsoft.Storage/storageAccounts" },
          { abortSignal: signal },
        );
        return result.nameAvailable === true ? {} : { problem: nameTaken(change, result) };
      } catch (error) {
        if (!isAuthorizationFailed(error)) throw error;
        return { note: nameNotChecked(change) };
      }
    }),
  );
  return {
    problems: answers.flatMap((answer) => (answer.problem ? [answer.problem] : [])),
    notes: answers.flatMap((answer) => (answer.note ? [answer.note] : [])),
  };
}

function nameNotChecked(change: PlanChange): PlanNote {
  return {
    address: change.address,
    message:
      `the name "${change.name}" was not checked for availability: this identity may not run ` +
      "Microsoft.Storage/checkNameAvailability (a subscription-scope action; Reader on the subscription allows it). " +
      "If the name is taken, the create fails with StorageAccountAlreadyTaken and the rest of the plan still applies",
  };
}

function nameTaken(change: PlanChange, result: { reason?: string; message?: string }): PlanProblem {
  return {
    code: "unmanaged-conflict",
    address: change.address,
    id: change.id,
    message:
      `storage account name "${change.name}" is not available (${result.reason ?? "unknown reason"}: ${result.message ?? "no detail"}); ` +
      "names are global across Azure: choose another name in the environment's storage.accounts",
  };
}
