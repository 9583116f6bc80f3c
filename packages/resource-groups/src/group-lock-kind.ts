import {
  GROUP_LOCK_KIND,
  GROUP_LOCK_NAME,
  groupNameOf,
  type KindOptions,
  listWireOrPerGroup,
  ownedOrWanted,
  ownershipFromNote,
} from "@infra/arm";
import { ManagementLockClient } from "@infra/auth/lock-client";
import type { DesiredResource, ResourceKind } from "@infra/plan";

/**
 * Management locks on groups. Locks carry no tags, so ownership is written into `properties.notes`
 * (@infra/arm ownership-note.ts); one list of the subscription's locks per read (per group where ARM refuses that).
 */
export function groupLockKind(options: KindOptions): ResourceKind {
  const client = new ManagementLockClient(
    options.azure.credential,
    options.azure.subscriptionId,
    options.azure.clientOptions,
  );
  const put = async (desired: DesiredResource, signal: AbortSignal): Promise<void> => {
    const properties = desired.properties.properties as { level: "CanNotDelete" | "ReadOnly"; notes: string };
    await client.managementLocks.createOrUpdateAtResourceGroupLevel(
      groupNameOf(desired.id),
      GROUP_LOCK_NAME,
      { level: properties.level, notes: properties.notes },
      { abortSignal: signal },
    );
  };
  const ownershipOf = (body: Record<string, unknown>) =>
    ownershipFromNote((body.properties as { notes?: unknown } | undefined)?.notes);
  return {
    kind: GROUP_LOCK_KIND,
    tagsPath: null,
    caseInsensitivePaths: ["properties.level"],
    readOwnership: (live) => ownershipOf(live.body),
    addressOf: (live, owner) => `${owner.task}.lock["${groupNameOf(live.id)}"]`,
    async readLive(request) {
      const locks = await listWireOrPerGroup(
        {
          subscription: () => client.managementLocks.listAtSubscriptionLevel({ abortSignal: request.signal }),
          group: (name) => client.managementLocks.listAtResourceGroupLevel(name, { abortSignal: request.signal }),
        },
        options.resourceGroups,
      );
      return ownedOrWanted(GROUP_LOCK_KIND, locks, request, ownershipOf);
    },
    create: put,
    update: (desired, _live, _diff, signal) => put(desired, signal),
    async delete(live, signal) {
      await client.managementLocks.deleteAtResourceGroupLevel(
        groupNameOf(live.id),
        String(live.body.name ?? GROUP_LOCK_NAME),
        { abortSignal: signal },
      );
    },
  };
}
