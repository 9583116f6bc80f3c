import { kindOptionsFor } from "@infra/arm";
import type { TaskProvisioning } from "@infra/task";
import { desiredIdentities } from "./desired-identities.ts";
import { identityKind } from "./identity-kind.ts";

/** What the task provisions: one identity kind, and an identity per entry of the environment's section. */
export const managedIdentitiesProvisioning: TaskProvisioning = {
  kinds: (context) => [identityKind(kindOptionsFor(context))],
  desired: ({ azure, environment }) => desiredIdentities(environment, azure.subscriptionId),
};
