import type { AzureContext } from "@infra/auth";
import { type Environment, resourceGroupsSection } from "@infra/environments";
import type { Plan } from "@infra/plan";
import type { TaskOutput } from "@infra/task";
import { accountDirectory } from "./account-directory.ts";
import { storageClient } from "./storage-clients.ts";
import { STORAGE_KINDS } from "./storage-kind-names.ts";

/** After apply: the account names and each one's primary blob endpoint, read with one list. */
export async function accountOutputs(
  plan: Plan,
  azure: AzureContext,
  environment: Environment,
  signal?: AbortSignal,
): Promise<TaskOutput[]> {
  const names = plan.changes
    .filter((change) => change.kind === STORAGE_KINDS.account && change.action !== "delete")
    .map((change) => change.name);
  if (names.length === 0) return [];
  const groups = resourceGroupsSection.of(environment).map((group) => group.name);
  const accounts = await accountDirectory(storageClient(azure), groups).list(signal);
  const endpoints = new Map(
    accounts.map((body) => {
      const endpoint = (body.properties as { primaryEndpoints?: { blob?: unknown } } | undefined)?.primaryEndpoints
        ?.blob;
      return [String(body.name).toLowerCase(), typeof endpoint === "string" ? endpoint : ""] as const;
    }),
  );
  return [
    { name: "storage-accounts", value: names.join(",") },
    ...names.map((name) => ({ name: `${name}-blob-endpoint`, value: endpoints.get(name.toLowerCase()) ?? "" })),
  ];
}
