import { accountLocationOf, extensionsUnder, listWire, planContent } from "@infra/arm";
import type { AzureContext } from "@infra/auth";
import { AuthorizationManagementClient } from "@infra/auth/authorization-client";
import { ManagementLockClient } from "@infra/auth/lock-client";
import type { LiveResource, PlanContent, WireObject } from "@infra/plan";
import { accountContainers } from "./account-containers.ts";
import { ownershipFromMetadata } from "./container-ownership.ts";
import { storageClient } from "./storage-clients.ts";

/** Which data services an account of each kind has (a BlockBlobStorage account has no shares, queues or tables). */
const SERVICES_OF_KIND: Record<string, readonly ("files" | "queues" | "tables")[]> = {
  StorageV2: ["files", "queues", "tables"],
  Storage: ["files", "queues", "tables"],
  FileStorage: ["files"],
};

/**
 * What deleting a storage account takes with it: its containers (owned when their metadata carries the stamp), file
 * shares, queues and tables (they carry no stamp), and the role assignments and locks at or under the account.
 */
export function accountContentsReader(azure: AzureContext) {
  const client = storageClient(azure);
  const extensions = {
    authorization: new AuthorizationManagementClient(azure.credential, azure.subscriptionId, azure.clientOptions),
    locks: new ManagementLockClient(azure.credential, azure.subscriptionId, azure.clientOptions),
  };
  return async (live: LiveResource, signal: AbortSignal | undefined): Promise<PlanContent[]> => {
    const { resourceGroup, name } = accountLocationOf(live.id);
    const services = SERVICES_OF_KIND[String(live.body.kind)] ?? [];
    const options = { abortSignal: signal };
    const unstamped = (bodies: WireObject[]) => bodies.map((body) => planContent(body, undefined));
    const [containers, shares, queues, tables, scoped] = await Promise.all([
      live.body.kind === "FileStorage" ? [] : accountContainers(client, resourceGroup, name, signal),
      services.includes("files") ? listWire(() => client.fileShares.list(resourceGroup, name, options)) : [],
      services.includes("queues") ? listWire(() => client.queue.list(resourceGroup, name, options)) : [],
      services.includes("tables") ? listWire(() => client.table.list(resourceGroup, name, options)) : [],
      extensionsUnder(extensions, live.id, signal),
    ]);
    return [
      ...containers.map((body) =>
        planContent(body, ownershipFromMetadata((body.properties as WireObject | undefined)?.metadata)),
      ),
      ...unstamped(shares),
      ...unstamped(queues),
      ...unstamped(tables),
      ...scoped,
    ];
  };
}
