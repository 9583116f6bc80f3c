export { repoEnvironments } from "../environments/index.ts";
export { checkAllowedLocation } from "./allowed-location.ts";
export type { AzureRegion } from "./azure-regions.ts";
export { AZURE_REGIONS, canonicalRegion } from "./azure-regions.ts";
export type { ComposeOptions, Environment, EnvironmentInput } from "./environment-schema.ts";
export { defineEnvironment, environmentSchemaFor } from "./environment-schema.ts";
export type { EnvironmentSection, ReportProblem } from "./environment-section.ts";
export { defineSection } from "./environment-section.ts";
export type { EnvironmentChoice, LoadOptions } from "./load-environment.ts";
export { loadEnvironment, REPO_ENVIRONMENTS_DIR } from "./load-environment.ts";
export type { Loose } from "./loose-reading.ts";
export { allowedRegions, looseList, looseObject, looseRegion, looseText } from "./loose-reading.ts";
export {
  declaredIdentityNames,
  type ManagedIdentitiesSection,
  type ManagedIdentityConfig,
  managedIdentitiesSection,
} from "./managed-identities-section.ts";
export { repoEnvironmentFiles } from "./repo-environment-files.ts";
export { reservedWordIn } from "./reserved-names.ts";
export {
  declaredGroupNames,
  type ResourceGroupConfig,
  resourceGroupSchema,
  resourceGroupsSection,
} from "./resource-groups-section.ts";
export { duration, guid, region, resourceGroupName, shown, tags } from "./schema-parts.ts";
export { formatPath, validateEnvironment } from "./validate-environment.ts";
