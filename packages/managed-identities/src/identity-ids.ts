import { groupNameOf } from "@infra/resource-groups";

export const IDENTITY_KIND = "Microsoft.ManagedIdentity/userAssignedIdentities";

export function identityId(subscriptionId: string, group: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${group}/providers/${IDENTITY_KIND}/${name}`;
}

/** Group and name of an identity id, for the SDK's (group, name) calls. */
export function identityLocation(id: string): { group: string; name: string } {
  return { group: groupNameOf(id), name: id.split("/").at(-1) ?? "" };
}
