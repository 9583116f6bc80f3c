import { type Emulator, GITHUB_AUDIENCE, GITHUB_ISSUER, SEED } from "@infra/emulator";

/** What the configurations are built from. */
export interface ParityFixture {
  emulator: Emulator;
  /** A GitHub ID token from the emulator's issuer, which the `github` app trusts: a workload identity token file. */
  tokenFile: string;
  /** A path where no file is. */
  missingFile: string;
  /** A certificate and its key in one PEM (no app has it: the emulator has no certificate credentials), if openssl ran. */
  certificateFile: string | undefined;
}

/**
 * Where the process runs, as far as the instance metadata address (IMDS) is concerned. Tests never contact it: a
 * loopback stand-in takes its place (AZURE_POD_IDENTITY_AUTHORITY_HOST, set for both sides), and only @infra/auth is
 * told whether the machine carries the Azure VM marker.
 * - `laptop`: no marker, and nothing answers at the metadata address.
 * - `Azure VM`: the marker, and the metadata address answers as the VM's managed identity.
 * - `Azure, no VM marker`: the metadata address answers, but the marker cannot be read (Windows, most containers).
 */
export type Place = "laptop" | "Azure VM" | "Azure, no VM marker";

export interface ParityCase {
  configuration: string;
  place: Place;
  /** The emulator (a custom cloud, the default), or the public cloud's defaults (only for cases that reach IMDS alone). */
  cloud: "emulator" | "public";
  /**
   * `logged in` (as `auditor`), `logged out` (an empty configuration directory), or `not installed` (not on PATH: each
   * `az` run costs a second, so only the configurations about it have it).
   */
  azureCli: "logged in" | "logged out" | "not installed";
  /** The configuration's own variables; the cloud's and AZURE_SUBSCRIPTION_ID are added. */
  env(fixture: ParityFixture): Record<string, string>;
  /** DefaultAzureCredential's outcome, as `outcomeOf` writes it, with `; asked IMDS` when it contacted the stand-in. */
  dac: string;
  /** Ours; the same as `dac` unless `difference` says why not. */
  ours: string;
  /** Why @infra/auth differs here on purpose; present exactly when `ours` differs from `dac`. */
  difference?: string | undefined;
  /** Why this case cannot run on this machine, if it cannot. */
  skip?(fixture: ParityFixture): string | undefined;
}

/**
 * An app with both a client secret and a federated credential for the GitHub workflow: one identity two credentials can
 * sign in as, for the configurations where the variables of both are set (AZURE_CLIENT_ID is shared).
 */
export const twoCredentialApp = {
  name: "deploy-app",
  kind: "ServicePrincipal" as const,
  displayName: "deploy-app",
  tenantId: SEED.tenantId,
  clientId: "0a500000-0000-4000-8000-0000000000a1",
  objectId: "0b500000-0000-4000-8000-0000000000a1",
  secrets: ["deploy-app-emulator-secret"],
  federatedCredentials: [
    { name: "prod", issuer: GITHUB_ISSUER, subject: SEED.github.subject, audiences: [GITHUB_AUDIENCE] },
  ],
};

/** The principal a token belongs to, by object id: each credential of a configuration signs in as a different one. */
export function principalName(objectId: string): string {
  if (objectId === twoCredentialApp.objectId) return twoCredentialApp.name;
  const entry = Object.entries(SEED).find(
    ([, value]) => typeof value === "object" && "objectId" in value && value.objectId === objectId,
  );
  return entry?.[0] ?? `unknown principal ${objectId}`;
}

// Outcomes. The principal shows the credential signed in as whom it should: `ops` has a client secret, `github` trusts
// the GitHub issuer (workload identity file, GitHub Actions OIDC), `workload` is the managed identity, and `az` is
// logged in as `auditor`.
const environment = "EnvironmentCredential as ops";
const workloadIdentity = "WorkloadIdentityCredential as github";
const managedIdentity = "ManagedIdentityCredential as workload";
const azureCli = "AzureCliCredential as auditor";
const gitHubActions = "GitHubActionsCredential as github";
const none = "none available";
const imds = (outcome: string) => `${outcome}; asked IMDS`;

// The differences on purpose, one sentence each (docs/credentials.md says the same at more length).
const noImdsOffAzure =
  "no IMDS request in a chain on a machine without the Azure VM marker (DefaultAzureCredential probes 169.254.169.254 from anywhere)";
const markerlessAzure =
  "in a chain, managed identity through IMDS needs the Azure VM marker; where it cannot be read, pin AZURE_TOKEN_CREDENTIALS=ManagedIdentityCredential";
const customCloudChain =
  "with a custom cloud a chain never uses the VM's IMDS identity, which signs in to the VM's own cloud";
const gitHubFirst =
  "GitHub Actions OIDC first in a workflow that can use it (DefaultAzureCredential has no GitHub credential)";
const refusalStops =
  "a credential Entra ID refuses (AADSTS) stops the run; DefaultAzureCredential moves on from a refused workload identity and runs as the next identity";
const noPassword = "AZURE_USERNAME/AZURE_PASSWORD refused before any request (no MFA; deprecated by Microsoft)";

const ids = (principal: "ops" | "github" | "workload") => ({
  AZURE_TENANT_ID: SEED.tenantId,
  AZURE_CLIENT_ID: SEED[principal].clientId,
});
const secret = { ...ids("ops"), AZURE_CLIENT_SECRET: SEED.ops.secret };
const twoCredentials = {
  AZURE_TENANT_ID: SEED.tenantId,
  AZURE_CLIENT_ID: twoCredentialApp.clientId,
  AZURE_CLIENT_SECRET: twoCredentialApp.secrets[0] ?? "",
};
const workloadFile = (f: ParityFixture) => ({ ...ids("github"), AZURE_FEDERATED_TOKEN_FILE: f.tokenFile });
const appService = (f: ParityFixture) => ({
  IDENTITY_ENDPOINT: `${f.emulator.httpUrl}/msi/token`,
  IDENTITY_HEADER: f.emulator.identityHeader,
});
const cloudShell = (f: ParityFixture) => ({ MSI_ENDPOINT: `${f.emulator.httpUrl}/msi/cloudshell` });
const gitHubJob = (f: ParityFixture) => {
  const env = f.emulator.env("github");
  return {
    ...ids("github"),
    GITHUB_ACTIONS: "true",
    ACTIONS_ID_TOKEN_REQUEST_URL: env.ACTIONS_ID_TOKEN_REQUEST_URL ?? "",
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? "",
  };
};

type CaseInput = Omit<ParityCase, "place" | "cloud" | "azureCli" | "ours"> &
  Partial<Pick<ParityCase, "place" | "cloud" | "azureCli" | "ours">>;

function parityCase(input: CaseInput): ParityCase {
  return { place: "laptop", cloud: "emulator", azureCli: "not installed", ...input, ours: input.ours ?? input.dac };
}

export const parityCases: readonly ParityCase[] = [
  // Each credential's variables alone.
  parityCase({ configuration: "Environment: client secret", env: () => secret, dac: environment }),
  parityCase({
    configuration: "Environment: client certificate (no app has it: the emulator has no certificate credentials)",
    env: (f) => ({ ...ids("ops"), AZURE_CLIENT_CERTIFICATE_PATH: f.certificateFile ?? "" }),
    dac: "failed at EnvironmentCredential",
    skip: (f) => (f.certificateFile === undefined ? "openssl is not installed to make a certificate" : undefined),
  }),
  parityCase({
    configuration: "Environment: user name and password",
    env: () => ({ ...ids("ops"), AZURE_USERNAME: "someone@acme.example", AZURE_PASSWORD: "not-a-real-password" }),
    dac: "failed at EnvironmentCredential",
    ours: "refused: user name and password",
    difference: noPassword,
  }),
  parityCase({ configuration: "Workload identity: token file", env: workloadFile, dac: workloadIdentity }),
  parityCase({
    configuration: "Workload identity: AZURE_FEDERATED_TOKEN_FILE names a missing file",
    env: (f) => ({ ...ids("github"), AZURE_FEDERATED_TOKEN_FILE: f.missingFile }),
    dac: none,
  }),
  parityCase({
    configuration: "Workload identity: a token file Entra ID refuses for this app (AADSTS70021)",
    azureCli: "logged in",
    env: (f) => ({ ...workloadFile(f), AZURE_CLIENT_ID: SEED.ops.clientId }),
    dac: azureCli,
    ours: "failed at WorkloadIdentityCredential",
    difference: refusalStops,
  }),
  parityCase({
    configuration: "Workload identity: no AZURE_FEDERATED_TOKEN_FILE (tenant and client id only)",
    env: () => ids("github"),
    dac: imds(none),
    ours: none,
    difference: noImdsOffAzure,
  }),
  parityCase({ configuration: "Managed identity: App Service", env: appService, dac: managedIdentity }),
  parityCase({
    configuration: "Managed identity: App Service, user-assigned by AZURE_CLIENT_ID",
    env: (f) => ({ ...appService(f), AZURE_CLIENT_ID: SEED.workload.clientId }),
    dac: managedIdentity,
  }),
  parityCase({ configuration: "Managed identity: Cloud Shell (MSI_ENDPOINT)", env: cloudShell, dac: managedIdentity }),
  parityCase({
    configuration: "Managed identity: Cloud Shell with AZURE_CLIENT_ID (refused there, so the chain goes on)",
    env: (f) => ({ ...cloudShell(f), AZURE_CLIENT_ID: SEED.workload.clientId }),
    dac: none,
  }),
  parityCase({
    configuration: "Managed identity: IMDS at AZURE_POD_IDENTITY_AUTHORITY_HOST",
    env: (f) => ({ AZURE_POD_IDENTITY_AUTHORITY_HOST: f.emulator.httpUrl }),
    dac: managedIdentity,
  }),
  parityCase({
    configuration: "Managed identity: IDENTITY_ENDPOINT without IDENTITY_HEADER (msal-node falls back to IMDS)",
    env: (f) => ({ IDENTITY_ENDPOINT: appService(f).IDENTITY_ENDPOINT }),
    dac: imds(none),
    ours: none,
    difference: noImdsOffAzure,
  }),
  parityCase({
    configuration: "Managed identity: nothing set, public cloud",
    place: "Azure VM",
    cloud: "public",
    env: () => ({}),
    dac: imds(managedIdentity),
  }),
  parityCase({
    configuration: "Managed identity: nothing set, emulator cloud",
    place: "Azure VM",
    env: () => ({}),
    dac: imds(managedIdentity),
    ours: none,
    difference: customCloudChain,
  }),
  parityCase({
    configuration: "Managed identity: nothing set, public cloud",
    place: "Azure, no VM marker",
    cloud: "public",
    env: () => ({}),
    dac: imds(managedIdentity),
    ours: none,
    difference: markerlessAzure,
  }),
  parityCase({
    configuration: "Azure CLI: nothing set",
    azureCli: "logged in",
    env: () => ({}),
    dac: imds(azureCli),
    ours: azureCli,
    difference: noImdsOffAzure,
  }),
  parityCase({
    configuration: "Azure CLI: nothing set",
    azureCli: "logged out",
    env: () => ({}),
    dac: imds(none),
    ours: none,
    difference: noImdsOffAzure,
  }),

  // AZURE_TOKEN_CREDENTIALS.
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=DEV (upper case) with a client secret",
    env: () => ({ ...secret, AZURE_TOKEN_CREDENTIALS: "DEV" }),
    dac: none,
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=prod with a client secret",
    azureCli: "logged in",
    env: () => ({ ...secret, AZURE_TOKEN_CREDENTIALS: "prod" }),
    dac: environment,
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=prod, nothing else",
    azureCli: "logged in",
    env: () => ({ AZURE_TOKEN_CREDENTIALS: "prod" }),
    dac: imds(none),
    ours: none,
    difference: noImdsOffAzure,
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=' Prod ' (case and spaces) with a client secret",
    env: () => ({ ...secret, AZURE_TOKEN_CREDENTIALS: " Prod " }),
    dac: environment,
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=EnvironmentCredential with a client secret",
    env: () => ({ ...secret, AZURE_TOKEN_CREDENTIALS: "EnvironmentCredential" }),
    dac: environment,
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=WorkloadIdentityCredential with a token file",
    env: (f) => ({ ...workloadFile(f), AZURE_TOKEN_CREDENTIALS: "WorkloadIdentityCredential" }),
    dac: workloadIdentity,
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=ManagedIdentityCredential with App Service variables",
    env: (f) => ({ ...appService(f), AZURE_TOKEN_CREDENTIALS: "ManagedIdentityCredential" }),
    dac: managedIdentity,
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=ManagedIdentityCredential, nothing else",
    place: "Azure, no VM marker",
    env: () => ({ AZURE_TOKEN_CREDENTIALS: "ManagedIdentityCredential" }),
    dac: imds(managedIdentity),
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=managedidentitycredential (lower case), nothing else",
    env: () => ({ AZURE_TOKEN_CREDENTIALS: "managedidentitycredential" }),
    dac: imds(none),
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=AzureCliCredential with a client secret",
    azureCli: "logged in",
    env: () => ({ ...secret, AZURE_TOKEN_CREDENTIALS: "AzureCliCredential" }),
    dac: azureCli,
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=AzureCliCredential with a client secret",
    env: () => ({ ...secret, AZURE_TOKEN_CREDENTIALS: "AzureCliCredential" }),
    dac: none,
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=VisualStudioCodeCredential (no @azure/identity-vscode here)",
    env: () => ({ AZURE_TOKEN_CREDENTIALS: "VisualStudioCodeCredential" }),
    dac: none,
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=AzurePowerShellCredential (no PowerShell here)",
    env: () => ({ AZURE_TOKEN_CREDENTIALS: "AzurePowerShellCredential" }),
    dac: none,
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=AzureDeveloperCliCredential (no azd here)",
    env: () => ({ AZURE_TOKEN_CREDENTIALS: "AzureDeveloperCliCredential" }),
    dac: none,
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS=everything (invalid) with a client secret",
    env: () => ({ ...secret, AZURE_TOKEN_CREDENTIALS: "everything" }),
    dac: "refused: invalid AZURE_TOKEN_CREDENTIALS",
  }),
  parityCase({
    configuration: "AZURE_TOKEN_CREDENTIALS='' (blank, so unset) with a client secret",
    env: () => ({ ...secret, AZURE_TOKEN_CREDENTIALS: "" }),
    dac: environment,
  }),

  // Two credentials' variables at once.
  parityCase({
    configuration: "client secret and token file",
    env: (f) => ({ ...workloadFile(f), ...secret }),
    dac: environment,
  }),
  parityCase({
    configuration: "token file and App Service",
    env: (f) => ({ ...workloadFile(f), ...appService(f) }),
    dac: workloadIdentity,
  }),
  parityCase({
    configuration: "App Service and a logged-in Azure CLI",
    azureCli: "logged in",
    env: appService,
    dac: managedIdentity,
  }),
  parityCase({
    configuration: "GitHub Actions job with id-token permission",
    env: gitHubJob,
    dac: imds(none),
    ours: gitHubActions,
    difference: gitHubFirst,
  }),
  parityCase({
    configuration: "GitHub Actions job and a client secret of the same app",
    env: (f) => ({ ...gitHubJob(f), ...twoCredentials }),
    dac: `EnvironmentCredential as ${twoCredentialApp.name}`,
    ours: `GitHubActionsCredential as ${twoCredentialApp.name}`,
    difference: gitHubFirst,
  }),
  parityCase({
    configuration: "GitHub Actions job, a client secret of the same app and AZURE_TOKEN_CREDENTIALS=prod",
    env: (f) => ({ ...gitHubJob(f), ...twoCredentials, AZURE_TOKEN_CREDENTIALS: "prod" }),
    dac: `EnvironmentCredential as ${twoCredentialApp.name}`,
  }),
  parityCase({
    configuration:
      "GitHub Actions job, a client secret of the same app and AZURE_TOKEN_CREDENTIALS=EnvironmentCredential",
    env: (f) => ({ ...gitHubJob(f), ...twoCredentials, AZURE_TOKEN_CREDENTIALS: "EnvironmentCredential" }),
    dac: `EnvironmentCredential as ${twoCredentialApp.name}`,
  }),
  parityCase({
    configuration: "GitHub Actions job and AZURE_TOKEN_CREDENTIALS=dev",
    env: (f) => ({ ...gitHubJob(f), AZURE_TOKEN_CREDENTIALS: "dev" }),
    dac: none,
  }),
];
