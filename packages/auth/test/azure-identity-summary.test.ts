import { describe, expect, it } from "vitest";
import { describeIdentity, summarizeClaims } from "../src/azure-identity-summary.ts";

const exp = 1_900_000_000;

describe("summarizeClaims", () => {
  it.each([
    [
      "service principal (v2)",
      "EnvironmentCredential",
      { tid: "t", oid: "o", azp: "app", idtyp: "app", exp },
      { principalType: "ServicePrincipal", appId: "app" },
    ],
    [
      "service principal (v1)",
      "EnvironmentCredential",
      { tid: "t", oid: "o", appid: "app", exp },
      { principalType: "ServicePrincipal", appId: "app" },
    ],
    [
      "user via the CLI",
      "AzureCliCredential",
      { tid: "t", oid: "o", upn: "alice@contoso.com", appid: "04b07795-azure-cli", idtyp: "user", exp },
      { principalType: "User", userPrincipalName: "alice@contoso.com" },
    ],
    [
      "user without idtyp (v1 unique_name)",
      "AzureCliCredential",
      { tid: "t", oid: "o", unique_name: "bob@contoso.com", exp },
      { principalType: "User", userPrincipalName: "bob@contoso.com" },
    ],
    [
      "managed identity",
      "ManagedIdentityCredential",
      { tid: "t", oid: "o", appid: "mi", xms_mirid: "/subscriptions/s/rg/x", exp },
      { principalType: "ManagedIdentity", appId: "mi", managedIdentityResourceId: "/subscriptions/s/rg/x" },
    ],
  ] as const)("%s", (_, credential, claims, expected) => {
    const summary = summarizeClaims(credential, claims);
    expect(summary).toMatchObject({ ...expected, tenantId: "t", objectId: "o", expiresOn: "2030-03-17T17:46:40.000Z" });
    if (expected.principalType === "User") expect(summary.appId).toBeUndefined();
  });

  it("carries the GitHub ID token's issuer and subject into the one-line description", () => {
    const summary = summarizeClaims(
      "GitHubActionsCredential",
      { tid: "t", oid: "o", azp: "a", idtyp: "app", exp },
      {
        issuer: "https://token.actions.githubusercontent.com",
        subject: "repo:acme/infra:environment:prod",
      },
    );
    expect(describeIdentity(summary, "GitHub Actions OIDC")).toBe(
      "GitHub Actions OIDC signed in as service principal app a (object o, tenant t), token valid until 2030-03-17T17:46:40.000Z; GitHub ID token issuer https://token.actions.githubusercontent.com, subject repo:acme/infra:environment:prod",
    );
  });

  it("reports unknown rather than inventing values", () => {
    expect(summarizeClaims("EnvironmentCredential", {})).toMatchObject({
      tenantId: "unknown",
      objectId: "unknown",
      expiresOn: "unknown",
    });
  });
});
