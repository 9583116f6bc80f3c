export { identityRules } from "./audit/identity-rules.ts";
export { identityKind } from "./identity-kind.ts";
export { managedIdentitiesProvisioning } from "./provisioning.ts";
export { managedIdentitiesTask } from "./task.ts";
