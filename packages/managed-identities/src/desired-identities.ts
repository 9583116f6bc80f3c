import { IDENTITY_KIND, identityAddress, identityId, MANAGED_IDENTITIES_TASK, resourceGroupAddress } from "@infra/arm";
import { type Environment, managedIdentitiesSection } from "@infra/environments";
import type { DesiredResource } from "@infra/plan";

/** One user-assigned identity per entry of the environment's `managedIdentities` section. */
export function desiredIdentities(environment: Environment, subscriptionId: string): DesiredResource[] {
  return managedIdentitiesSection.of(environment).identities.map((identity) => ({
    address: identityAddress(identity.name),
    kind: IDENTITY_KIND,
    id: identityId(subscriptionId, identity.resourceGroup, identity.name),
    name: identity.name,
    dependsOn: [resourceGroupAddress(identity.resourceGroup)],
    properties: {
      location: identity.location ?? environment.location,
      tags: { ...environment.tags, ...identity.tags },
    },
    task: MANAGED_IDENTITIES_TASK,
  }));
}
