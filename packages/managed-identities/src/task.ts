import { kindOptionsFor, MANAGED_IDENTITIES_TASK } from "@infra/arm";
import { managedIdentitiesSection, resourceGroupsSection } from "@infra/environments";
import type { TaskDefinition } from "@infra/task";
import { identitiesAudit } from "./audit/identities-audit.ts";
import { desiredIdentities } from "./desired-identities.ts";
import { identityKind } from "./identity-kind.ts";

/** Task `managed-identities`: user-assigned identities from the environment, and an audit of their credentials. */
export const managedIdentitiesTask: TaskDefinition = {
  name: MANAGED_IDENTITIES_TASK,
  summary: "user-assigned managed identities; audit of their GitHub federated credentials",
  environmentSections: [resourceGroupsSection, managedIdentitiesSection],
  kinds: (context) => [identityKind(kindOptionsFor(context))],
  desired: ({ azure, environment }) => desiredIdentities(environment, azure.subscriptionId),
  audit: identitiesAudit,
};

/** The name `@infra/tasks` loads every listed task by. */
export { managedIdentitiesTask as task };
