/** Stable ids of the default seed (documented in README.md); tests and other packages may rely on them. */
export const SEED = {
  tenantId: "c0ffee00-0000-4000-8000-000000000001",
  subscription1: "11111111-0000-4000-8000-000000000001",
  subscription2: "22222222-0000-4000-8000-000000000002",
  legacyResourceGroup: "rg-legacy",
  location: "westeurope",
  ops: {
    clientId: "0a500000-0000-4000-8000-000000000001",
    objectId: "0b500000-0000-4000-8000-000000000001",
    secret: "ops-emulator-secret",
  },
  auditor: {
    clientId: "0a500000-0000-4000-8000-000000000002",
    objectId: "0b500000-0000-4000-8000-000000000002",
    secret: "auditor-emulator-secret",
  },
  github: {
    clientId: "0a500000-0000-4000-8000-000000000003",
    objectId: "0b500000-0000-4000-8000-000000000003",
    subject: "repo:acme/infra:environment:prod",
  },
  /** The identity the managed-identity endpoints serve by default (Reader on subscription 1). */
  workload: {
    clientId: "0a500000-0000-4000-8000-000000000004",
    objectId: "0b500000-0000-4000-8000-000000000004",
  },
} as const;

export const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
export const GITHUB_AUDIENCE = "api://AzureADTokenExchange";
