// The identity itself (IDENTITY_KIND, identityId, identityLocation) is @infra/managed-identities' type; these are the
// bootstrap's own.
export const CREDENTIAL_KIND = "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials";
export const ROLE_ASSIGNMENT_KIND = "Microsoft.Authorization/roleAssignments";

export function credentialId(identity: string, name: string): string {
  return `${identity}/federatedIdentityCredentials/${name}`;
}

/** The identity a federated credential id sits under. */
export function parentIdentityId(credential: string): string {
  return credential.replace(/\/federatedIdentityCredentials\/[^/]+$/i, "");
}
