import { describe, expect, it } from "vitest";
import { aadstsCode, adviceForCredentialFailure } from "../src/credential-failure-advice.ts";

// Messages as @azure/identity surfaces Entra ID's real error bodies.
const aad = (code: number, text: string) => new Error(`invalid_client: AADSTS${code}: ${text} Trace ID: x`);
const context = { clientId: "0a5-client", tenantId: "c0f-tenant" };

describe("adviceForCredentialFailure", () => {
  it.each([
    [
      aad(7000215, "Invalid client secret provided."),
      "EnvironmentCredential",
      /AADSTS7000215 invalid client secret for '0a5-client' - AZURE_CLIENT_SECRET must be the secret's Value/,
    ],
    [
      aad(700016, "Application not found."),
      "EnvironmentCredential",
      /application '0a5-client' was not found in tenant 'c0f-tenant'/,
    ],
    [
      aad(90002, "Tenant not found."),
      "GitHubActionsCredential",
      /tenant 'c0f-tenant' was not found - check AZURE_TENANT_ID and the cloud/,
    ],
    [
      aad(700024, "Client assertion is not within its valid time range."),
      "GitHubActionsCredential",
      /fresh token per request/,
    ],
    [
      aad(700024, "Client assertion is not within its valid time range."),
      "WorkloadIdentityCredential",
      /reused past its lifetime/,
    ],
    [new Error("Please run 'az login' to setup account."), "AzureCliCredential", /^not logged in - run `az login`$/],
    [
      new Error(
        "Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'.",
      ),
      "AzureCliCredential",
      /^Azure CLI not installed/,
    ],
    [
      new Error("Please run 'azd auth login' from a prompt"),
      "AzureDeveloperCliCredential",
      /^not logged in - run `azd auth login`$/,
    ],
    [
      new Error("Visual Studio Code Authentication is not available."),
      "VisualStudioCodeCredential",
      /identity-vscode plugin/,
    ],
  ] as const)("%s (%s)", (error, name, expected) => {
    expect(adviceForCredentialFailure(name, error, context)).toMatch(expected);
  });

  it("70021 shows the presented subject and issuer from the error text", () => {
    const error = aad(
      70021,
      "No matching federated identity record found for presented assertion. Assertion Issuer: 'https://token.actions.githubusercontent.com'. Assertion Subject: 'repo:acme/infra:ref:refs/heads/main'. Assertion Audience: 'api://AzureADTokenExchange'.",
    );
    const line = adviceForCredentialFailure("GitHubActionsCredential", error, context);
    expect(line).toContain("subject 'repo:acme/infra:ref:refs/heads/main'");
    expect(line).toContain("issuer 'https://token.actions.githubusercontent.com'");
    expect(line).toContain("audience 'api://AzureADTokenExchange'");
  });

  it("70021 prefers what was really presented over the error text", () => {
    const line = adviceForCredentialFailure(
      "GitHubActionsCredential",
      aad(70021, "No matching federated identity record."),
      {
        ...context,
        presented: { issuer: "https://issuer", subject: "repo:a/b:pull_request" },
      },
    );
    expect(line).toContain("subject 'repo:a/b:pull_request', issuer 'https://issuer'");
  });

  it("keeps an unknown error's first line, redacted and short", () => {
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    const line = adviceForCredentialFailure("ManagedIdentityCredential", new Error(`boom ${jwt}\nsecond line`));
    expect(line).toBe("boom REDACTED");
    expect(adviceForCredentialFailure("ManagedIdentityCredential", new Error("x".repeat(500))).length).toBe(240);
  });

  it.each([
    ["AADSTS70021: no match", 70021],
    ["invalid_client: AADSTS7000215: bad", 7000215],
    ["nothing here", undefined],
  ])("aadstsCode(%s) = %s", (message, code) => {
    expect(aadstsCode(message)).toBe(code);
  });
});
