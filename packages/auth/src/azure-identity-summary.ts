import type { JWTPayload } from "jose";
import { decodeJwt } from "jose/jwt/decode";
import type { CredentialName } from "./credential-names.ts";

/** What a federated credential matches on: issuer, subject, audience. */
export interface GitHubTokenClaims {
  issuer: string;
  subject: string;
  audience?: string | undefined;
}

export type PrincipalType = "User" | "ServicePrincipal" | "ManagedIdentity";

/** Who the credential signed in as, read from the access token's claims. Holds no token. */
export interface AzureIdentitySummary {
  credential: CredentialName;
  principalType: PrincipalType;
  tenantId: string;
  /** Object id: the principalId of role assignments. */
  objectId: string;
  /** App (client) id, for service principals and managed identities. */
  appId?: string;
  /** For users. */
  userPrincipalName?: string;
  /** Managed identity's ARM resource id, when the token says (`xms_mirid`). */
  managedIdentityResourceId?: string;
  /** When the access token expires (ISO 8601). */
  expiresOn: string;
  /** GitHub Actions only: the ID token presented to Entra ID (its claims, never the token). */
  gitHub?: GitHubTokenClaims;
}

/** Reads the claims of an Entra ID access token. The token is decoded (not verified: Entra ID issued it to us). */
export function summarizeAccessToken(
  credential: CredentialName,
  accessToken: string,
  gitHub?: GitHubTokenClaims,
): AzureIdentitySummary {
  return summarizeClaims(credential, decodeJwt(accessToken), gitHub);
}

/** Pure: claims in, summary out. Accepts v1 (`appid`, `upn`, `unique_name`) and v2 (`azp`, `preferred_username`) tokens. */
export function summarizeClaims(
  credential: CredentialName,
  claims: JWTPayload,
  gitHub?: GitHubTokenClaims,
): AzureIdentitySummary {
  const text = (name: string): string | undefined => {
    const value = claims[name];
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const userPrincipalName = text("upn") ?? text("preferred_username") ?? text("unique_name");
  const managedIdentityResourceId = text("xms_mirid");
  const appId = text("appid") ?? text("azp");
  const isUser = text("idtyp") === "user" || (text("idtyp") !== "app" && userPrincipalName !== undefined);
  const principalType: PrincipalType = isUser
    ? "User"
    : managedIdentityResourceId !== undefined || credential === "ManagedIdentityCredential"
      ? "ManagedIdentity"
      : "ServicePrincipal";
  const summary: AzureIdentitySummary = {
    credential,
    principalType,
    tenantId: text("tid") ?? "unknown",
    objectId: text("oid") ?? text("sub") ?? "unknown",
    expiresOn: typeof claims.exp === "number" ? new Date(claims.exp * 1000).toISOString() : "unknown",
  };
  if (appId !== undefined && !isUser) summary.appId = appId;
  if (userPrincipalName !== undefined && isUser) summary.userPrincipalName = userPrincipalName;
  if (managedIdentityResourceId !== undefined) summary.managedIdentityResourceId = managedIdentityResourceId;
  if (gitHub !== undefined) summary.gitHub = gitHub;
  return summary;
}

/** One line for logs: `Azure CLI signed in as user alice@contoso.com (object 0b5..., tenant c0f...), token until ...`. */
/** `user ada@contoso.com`, `service principal app <appId>`, `managed identity app <appId>`. */
export function describePrincipal(summary: AzureIdentitySummary): string {
  return summary.principalType === "User"
    ? `user ${summary.userPrincipalName ?? summary.objectId}`
    : `${summary.principalType === "ManagedIdentity" ? "managed identity" : "service principal"} app ${summary.appId ?? "unknown"}`;
}

export function describeIdentity(summary: AzureIdentitySummary, label: string): string {
  const who = describePrincipal(summary);
  const github = summary.gitHub
    ? `; GitHub ID token issuer ${summary.gitHub.issuer}, subject ${summary.gitHub.subject}`
    : "";
  return `${label} signed in as ${who} (object ${summary.objectId}, tenant ${summary.tenantId}), token valid until ${summary.expiresOn}${github}`;
}
