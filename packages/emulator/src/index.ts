export type {
  ArmContext,
  ArmErrorDetail,
  ArmProvider,
  ArmResource,
  ArmResult,
  ArmRoute,
  DefaultSeedIds,
  EmulatorConfig,
  FederatedCredential,
  GithubRunClaims,
  HttpMethod,
  ListPage,
  ListQuery,
  LroStyle,
  Principal,
  PrincipalKind,
  PrincipalRegistry,
  ResourceStore,
  SeedContext,
  SubscriptionRecord,
  TenantRecord,
} from "./arm/contract.ts";
export { ArmError } from "./arm/contract.ts";
export { MemoryPrincipalRegistry } from "./arm/principal-registry.ts";
export { idKey, parseResourceId } from "./arm/resource-id.ts";
export { MemoryResourceStore } from "./arm/resource-store.ts";
export { BUILT_IN_ROLES, ROLE_IDS } from "./authorization/built-in-roles.ts";
export { isAzureCliInstalled } from "./azure-cli/azure-cli-installed.ts";
export { type AzureCliSession, loginAzureCli } from "./azure-cli/azure-cli-session.ts";
export { azureCliCloudConfig, writeAzureCliCloudConfig } from "./azure-cli/cloud-config.ts";
export type { ActiveFault, FaultRule } from "./control/fault-injector.ts";
export type { RequestLogEntry } from "./control/request-log.ts";
export { AdminClient, AdminRequestError, type ConfigPatch } from "./emulator/admin-client.ts";
export { type Emulator, type StartEmulatorOptions, startEmulator } from "./emulator/start-emulator.ts";
export {
  InvalidConfigError,
  type OperationDurations,
  type RealismConfig,
  type RealismProfile,
} from "./realism/realism-config.ts";
export { GITHUB_AUDIENCE, GITHUB_ISSUER, SEED } from "./seed/seed-ids.ts";
export type { SeedInput, StateSnapshot } from "./state/emulator-state.ts";
export { CA_DIR_ENV } from "./tls/ca-store.ts";
export { trustCertificateAuthority } from "./tls/trust-in-process.ts";
