import type { AzureContext } from "@infra/auth";
import type { Plan, PlanProblem } from "@infra/plan";
import { storageClient } from "./storage-clients.ts";
import { STORAGE_KINDS } from "./storage-kind-names.ts";

/**
 * Account names are global across Azure: a create whose name someone else holds would fail halfway through an apply.
 * Asks ARM about every account the plan creates, before anything is applied.
 */
export async function checkAccountNames(plan: Plan, azure: AzureContext, signal?: AbortSignal): Promise<PlanProblem[]> {
  const client = storageClient(azure);
  const creates = plan.changes.filter((change) => change.kind === STORAGE_KINDS.account && change.action === "create");
  const answers = await Promise.all(
    creates.map(async (change) => ({
      change,
      result: await client.storageAccounts.checkNameAvailability(
        { name: change.name, type: "Microsoft.Storage/storageAccounts" },
        { abortSignal: signal },
      ),
    })),
  );
  return answers
    .filter(({ result }) => result.nameAvailable !== true)
    .map(({ change, result }) => ({
      code: "unmanaged-conflict",
      address: change.address,
      id: change.id,
      message:
        `storage account name "${change.name}" is not available (${result.reason ?? "unknown reason"}: ${result.message ?? "no detail"}); ` +
        "names are global across Azure: choose another name in the environment's storage.accounts",
    }));
}
