import type { StorageManagementClient } from "@azure/arm-storage";
import { getWire, listWire } from "@infra/arm";
import type { WireObject } from "@infra/plan";

/**
 * An account's containers as ARM sends them, each read on its own: ARM's container list leaves out the metadata that
 * says who owns a container (recorded real traffic; also Azure/azure-sdk-for-net#17717).
 */
export async function accountContainers(
  client: StorageManagementClient,
  resourceGroup: string,
  account: string,
  signal: AbortSignal | undefined,
): Promise<WireObject[]> {
  const listed = await listWire(() => client.blobContainers.list(resourceGroup, account, { abortSignal: signal }));
  return Promise.all(
    listed.map(
      async (container) =>
        (await getWire(() =>
          client.blobContainers.get(resourceGroup, account, String(container.name), { abortSignal: signal }),
        )) ?? container,
    ),
  );
}
