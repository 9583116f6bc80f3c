import { groupNameOf } from "@infra/resource-groups";

export const IDENTITY_KIND = "Microsoft.ManagedIdentity/userAssignedIdentities";
export const CREDENTIAL_KIND = "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials";
export const ROLE_ASSIGNMENT_KIND = "Microsoft.Authorization/roleAssignments";

export function identityId(subscriptionId: string, group: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${group}/providers/${IDENTITY_KIND}/${name}`;
}

export function credentialId(identity: string, name: string): string {
  return `${identity}/federatedIdentityCredentials/${name}`;
}

/** The identity a federated credential id sits under. */
export function parentIdentityId(credential: string): string {
  return credential.replace(/\/federatedIdentityCredentials\/[^/]+$/i, "");
}

/** Group and name of an identity id, for the SDK's (group, name) calls. */
export function identityLocation(id: string): { group: string; name: string } {
  return { group: groupNameOf(id), name: id.split("/").at(-1) ?? "" };
}
