import { identityPrincipals, kindOptionsFor, STORAGE_TASK } from "@infra/arm";
import { managedIdentitiesSection, resourceGroupsSection } from "@infra/environments";
import type { TaskDefinition } from "@infra/task";
import { storageAudit } from "../audit/collect/storage-audit.ts";
import { storageSection } from "../storage-section.ts";
import { accountOutputs } from "./account-outputs.ts";
import { desiredStorage, grantedIdentityIds } from "./desired-storage.ts";
import { environmentAccounts } from "./environment-accounts.ts";
import { checkAccountNames } from "./name-availability.ts";
import { storageKinds } from "./storage-kinds.ts";

/** Task `storage`: accounts with the secure baseline, blob data protection, containers, lifecycle, data-plane roles. */
export const storageTask: TaskDefinition = {
  name: STORAGE_TASK,
  summary: "storage accounts (secure baseline), blob service settings, containers, lifecycle policies, data roles",
  environmentSections: [resourceGroupsSection, managedIdentitiesSection, storageSection],
  kinds: (context) =>
    storageKinds({
      ...kindOptionsFor(context),
      accounts: environmentAccounts(context.environment, context.azure.subscriptionId),
    }),
  desired: async ({ azure, environment, signal }) =>
    desiredStorage(
      environment,
      azure.subscriptionId,
      await identityPrincipals(azure, grantedIdentityIds(environment, azure.subscriptionId), signal),
    ),
  preflight: (plan, { azure, signal }) => checkAccountNames(plan, azure, signal),
  outputs: (plan, { azure, environment, signal }) => accountOutputs(plan, azure, environment, signal),
  audit: storageAudit,
};

/** The name `@infra/tasks` loads every listed task by. */
export { storageTask as task };
