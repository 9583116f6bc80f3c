import { ConfigError, UsageError } from "@infra/cli";
import { describe, expect, it } from "vitest";
import { authMethodFromEnv, parseAuthMethod } from "../src/auth-method.ts";
import type { CredentialName } from "../src/credential-names.ts";
import { type CredentialPlanInput, planCredentials } from "../src/credential-plan.ts";
import { GitHubOidcPermissionError } from "../src/errors.ts";

const ids = { AZURE_TENANT_ID: "t", AZURE_CLIENT_ID: "c" };
const actions = { ACTIONS_ID_TOKEN_REQUEST_URL: "https://gh/token?x=1", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "rt" };
const secret = { ...ids, AZURE_CLIENT_SECRET: "s3cret-value" };
const laptop = { customCloud: false, onAzureVirtualMachine: false };

function tried(input: CredentialPlanInput): CredentialName[] {
  return planCredentials(input)
    .credentials.filter((c) => c.skipReason === undefined)
    .map((c) => c.name);
}

describe("planCredentials", () => {
  it.each<[string, CredentialPlanInput, CredentialName[], string]>([
    [
      "GitHub Actions with OIDC",
      { env: { ...ids, ...actions }, ...laptop },
      ["GitHubActionsCredential"],
      "GitHub Actions",
    ],
    [
      "AZURE_TOKEN_CREDENTIALS=prod wins over GitHub Actions OIDC",
      { env: { ...secret, ...actions, AZURE_TOKEN_CREDENTIALS: "prod" }, ...laptop },
      ["EnvironmentCredential"],
      "AZURE_TOKEN_CREDENTIALS=prod",
    ],
    [
      "client secret on a laptop: env, then developer tools",
      { env: secret, ...laptop },
      [
        "EnvironmentCredential",
        "VisualStudioCodeCredential",
        "AzureCliCredential",
        "AzurePowerShellCredential",
        "AzureDeveloperCliCredential",
      ],
      "default chain",
    ],
    [
      "nothing set: developer tools only, managed identity skipped",
      { env: {}, ...laptop },
      ["VisualStudioCodeCredential", "AzureCliCredential", "AzurePowerShellCredential", "AzureDeveloperCliCredential"],
      "default chain",
    ],
    [
      "dev",
      { env: { ...secret, AZURE_TOKEN_CREDENTIALS: "dev" }, ...laptop },
      ["VisualStudioCodeCredential", "AzureCliCredential", "AzurePowerShellCredential", "AzureDeveloperCliCredential"],
      "AZURE_TOKEN_CREDENTIALS=dev",
    ],
    [
      "a credential named in AZURE_TOKEN_CREDENTIALS wins over GitHub Actions OIDC",
      {
        env: { ...secret, ...actions, GITHUB_ACTIONS: "true", AZURE_TOKEN_CREDENTIALS: "EnvironmentCredential" },
        ...laptop,
      },
      ["EnvironmentCredential"],
      "AZURE_TOKEN_CREDENTIALS=EnvironmentCredential",
    ],
    [
      "AZURE_TOKEN_CREDENTIALS=dev wins over GitHub Actions OIDC",
      { env: { ...ids, ...actions, GITHUB_ACTIONS: "true", AZURE_TOKEN_CREDENTIALS: "dev" }, ...laptop },
      ["VisualStudioCodeCredential", "AzureCliCredential", "AzurePowerShellCredential", "AzureDeveloperCliCredential"],
      "AZURE_TOKEN_CREDENTIALS=dev",
    ],
    [
      "a blank AZURE_TOKEN_CREDENTIALS is unset, as in @azure/identity",
      { env: { ...ids, ...actions, AZURE_TOKEN_CREDENTIALS: "  " }, ...laptop },
      ["GitHubActionsCredential"],
      "GitHub Actions",
    ],
    [
      "managed identity named in AZURE_TOKEN_CREDENTIALS off an Azure VM: used as @azure/identity uses it",
      { env: { AZURE_TOKEN_CREDENTIALS: "ManagedIdentityCredential" }, ...laptop },
      ["ManagedIdentityCredential"],
      "AZURE_TOKEN_CREDENTIALS=ManagedIdentityCredential",
    ],
    [
      "--auth managed-identity off an Azure VM: used as @azure/identity uses it",
      { env: {}, auth: "managed-identity", ...laptop },
      ["ManagedIdentityCredential"],
      "--auth managed-identity",
    ],
    [
      "the Azure Arc agent is a managed-identity endpoint",
      { env: { AZURE_TOKEN_CREDENTIALS: "prod" }, ...laptop, azureArcAgentInstalled: true },
      ["ManagedIdentityCredential"],
      "AZURE_TOKEN_CREDENTIALS=prod",
    ],
    [
      "IDENTITY_ENDPOINT without IDENTITY_HEADER would fall back to IMDS: skipped off an Azure VM",
      { env: { IDENTITY_ENDPOINT: "http://127.0.0.1:1/msi", AZURE_TOKEN_CREDENTIALS: "prod" }, ...laptop },
      [],
      "AZURE_TOKEN_CREDENTIALS=prod",
    ],
    [
      "prod on an Azure VM: managed identity through IMDS",
      { env: { AZURE_TOKEN_CREDENTIALS: "prod" }, customCloud: false, onAzureVirtualMachine: true },
      ["ManagedIdentityCredential"],
      "AZURE_TOKEN_CREDENTIALS=prod",
    ],
    [
      "App Service endpoint with a custom cloud",
      {
        env: { IDENTITY_ENDPOINT: "http://127.0.0.1:1/msi", IDENTITY_HEADER: "h" },
        customCloud: true,
        onAzureVirtualMachine: true,
      },
      [
        "ManagedIdentityCredential",
        "VisualStudioCodeCredential",
        "AzureCliCredential",
        "AzurePowerShellCredential",
        "AzureDeveloperCliCredential",
      ],
      "default chain",
    ],
    [
      "workload identity file",
      { env: { ...ids, AZURE_FEDERATED_TOKEN_FILE: "/var/run/token", AZURE_TOKEN_CREDENTIALS: "prod" }, ...laptop },
      // Managed identity too, as in DefaultAzureCredential: with a token file it is the AKS token exchange.
      ["WorkloadIdentityCredential", "ManagedIdentityCredential"],
      "AZURE_TOKEN_CREDENTIALS=prod",
    ],
    [
      "one credential by name, any case",
      { env: { AZURE_TOKEN_CREDENTIALS: "azureclicredential" }, ...laptop },
      ["AzureCliCredential"],
      "AZURE_TOKEN_CREDENTIALS=azureclicredential",
    ],
    [
      "--auth cli beats GitHub Actions",
      { env: { ...ids, ...actions }, auth: "cli", ...laptop },
      ["AzureCliCredential"],
      "--auth cli",
    ],
    ["--auth env", { env: secret, auth: "env", ...laptop }, ["EnvironmentCredential"], "--auth env"],
    [
      "--auth github",
      { env: { ...ids, ...actions }, auth: "github", ...laptop },
      ["GitHubActionsCredential"],
      "--auth github",
    ],
  ])("%s", (_, input, expected, basis) => {
    expect(tried(input)).toEqual(expected);
    expect(planCredentials(input).basis).toBe(basis);
  });

  it.each<[string, CredentialPlanInput]>([
    ["a laptop", { env: { AZURE_TOKEN_CREDENTIALS: "prod" }, ...laptop }],
    [
      "a custom cloud, even on an Azure VM",
      { env: { AZURE_TOKEN_CREDENTIALS: "prod" }, customCloud: true, onAzureVirtualMachine: true },
    ],
  ])("never plans the instance metadata address on %s", (_, input) => {
    const plan = planCredentials(input);
    expect(plan.imdsAllowed).toBe(false);
    const managed = plan.credentials.find((c) => c.name === "ManagedIdentityCredential");
    expect(managed?.skipReason).toMatch(/never probed/);
  });

  it.each<[string, CredentialPlanInput, boolean]>([
    ["the default chain off an Azure VM", { env: {}, ...laptop }, false],
    ["the default chain on an Azure VM", { env: {}, customCloud: false, onAzureVirtualMachine: true }, true],
    [
      "managed identity named, off an Azure VM",
      { env: { AZURE_TOKEN_CREDENTIALS: "managedidentitycredential" }, ...laptop },
      true,
    ],
    ["--auth managed-identity, off an Azure VM", { env: {}, auth: "managed-identity", ...laptop }, true],
    [
      "managed identity named, with a custom cloud",
      {
        env: { AZURE_TOKEN_CREDENTIALS: "ManagedIdentityCredential" },
        customCloud: true,
        onAzureVirtualMachine: false,
      },
      true,
    ],
    [
      "the default chain on an Azure VM with a custom cloud",
      { env: {}, customCloud: true, onAzureVirtualMachine: true },
      false,
    ],
  ])("instance metadata address allowed for %s: %s", (_, input, allowed) => {
    expect(planCredentials(input).imdsAllowed).toBe(allowed);
  });

  it("explains a half-configured environment credential", () => {
    const plan = planCredentials({ env: { AZURE_CLIENT_SECRET: "s3cret-value", AZURE_CLIENT_ID: "c" }, ...laptop });
    expect(plan.credentials[0]).toEqual({
      name: "EnvironmentCredential",
      skipReason: "AZURE_CLIENT_SECRET set but AZURE_TENANT_ID missing",
    });
  });

  it("in Actions without id-token permission, lists the permissions hint first", () => {
    const plan = planCredentials({ env: { GITHUB_ACTIONS: "true" }, ...laptop });
    expect(plan.credentials[0]?.name).toBe("GitHubActionsCredential");
    expect(plan.credentials[0]?.skipReason).toContain("permissions: id-token: write");
  });

  it.each<[string, CredentialPlanInput]>([
    ["an identity named but no way to prove it", { env: { GITHUB_ACTIONS: "true", ...ids }, ...laptop }],
    ["--auth github", { env: { GITHUB_ACTIONS: "true", ...ids }, auth: "github", ...laptop }],
  ])("in Actions without id-token permission and %s: the permissions error", (_, input) => {
    expect(() => planCredentials(input)).toThrow(GitHubOidcPermissionError);
    try {
      planCredentials(input);
    } catch (error) {
      expect((error as ConfigError).exitCode).toBe(2);
      expect((error as ConfigError).problems[0]?.message).toContain("`permissions: id-token: write`");
    }
  });

  it.each<[string, CredentialPlanInput, RegExp]>([
    ["--auth env without a secret", { env: ids, auth: "env", ...laptop }, /neither AZURE_CLIENT_SECRET/],
    ["--auth github outside Actions", { env: ids, auth: "github", ...laptop }, /not running in GitHub Actions/],
    ["--auth workload without a file", { env: ids, auth: "workload", ...laptop }, /AZURE_FEDERATED_TOKEN_FILE/],
    [
      "user name and password, which DefaultAzureCredential would send",
      { env: { ...ids, AZURE_USERNAME: "someone@example.com", AZURE_PASSWORD: "pw" }, ...laptop },
      /AZURE_USERNAME\/AZURE_PASSWORD sign-in is not supported/,
    ],
    [
      "an unknown AZURE_TOKEN_CREDENTIALS",
      { env: { AZURE_TOKEN_CREDENTIALS: "everything" }, ...laptop },
      /use dev, prod or one of/,
    ],
    [
      "AZURE_TOKEN_CREDENTIALS=GitHubActionsCredential (no @azure/identity name)",
      { env: { ...actions, AZURE_TENANT_ID: "t", AZURE_TOKEN_CREDENTIALS: "GitHubActionsCredential" }, ...laptop },
      /use dev, prod/,
    ],
  ])("%s is a configuration error", (_, input, problem) => {
    try {
      planCredentials(input);
      expect.unreachable("planCredentials should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.message).join("\n")).toMatch(problem);
    }
  });

  it("parses --auth values and rejects others as usage errors", () => {
    expect(parseAuthMethod("managed-identity")).toBe("managed-identity");
    expect(parseAuthMethod(undefined)).toBeUndefined();
    expect(() => parseAuthMethod("password")).toThrow(UsageError);
  });

  it("reads --auth handed down in INFRA_AUTH, and rejects other values as configuration errors", () => {
    expect(authMethodFromEnv({ INFRA_AUTH: "cli" })).toBe("cli");
    expect(authMethodFromEnv({ INFRA_AUTH: " " })).toBeUndefined();
    expect(() => authMethodFromEnv({ INFRA_AUTH: "password" })).toThrow(ConfigError);
  });
});
