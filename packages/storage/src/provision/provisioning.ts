import { identityPrincipals, kindOptionsFor } from "@infra/arm";
import type { TaskProvisioning } from "@infra/task";
import { accountOutputs } from "./account-outputs.ts";
import { desiredStorage, grantedIdentityIds } from "./desired-storage.ts";
import { environmentAccounts } from "./environment-accounts.ts";
import { checkAccountNames } from "./name-availability.ts";
import { storageKinds } from "./storage-kinds.ts";

/** The storage task's provisioning: its kinds, the accounts the environment wants, name checks and outputs. */
export const storageProvisioning: TaskProvisioning = {
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
};
