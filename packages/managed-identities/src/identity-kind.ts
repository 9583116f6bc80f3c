import {
  extensionsUnder,
  IDENTITY_KIND,
  identityLocation,
  type KindOptions,
  listWire,
  listWireOrPerGroup,
  msiClient,
  ownedOrWanted,
  planContent,
} from "@infra/arm";
import { AuthorizationManagementClient } from "@infra/auth/authorization-client";
import { ManagementLockClient } from "@infra/auth/lock-client";
import { ownershipFromTags, type ResourceKind } from "@infra/plan";

/**
 * User-assigned identities: one list of the subscription's identities per read (per group where ARM refuses that);
 * create and update are the same PUT (location + tags; the principal behind an identity never changes on update).
 * Ownership: the tags.
 */
export function identityKind(options: KindOptions): ResourceKind {
  const client = msiClient(options.azure);
  const { credential, subscriptionId, clientOptions } = options.azure;
  const extensions = {
    authorization: new AuthorizationManagementClient(credential, subscriptionId, clientOptions),
    locks: new ManagementLockClient(credential, subscriptionId, clientOptions),
  };
  const put: ResourceKind["create"] = async (desired, signal) => {
    const { group, name } = identityLocation(desired.id);
    await client.userAssignedIdentities.createOrUpdate(
      group,
      name,
      { location: String(desired.properties.location), tags: desired.properties.tags as Record<string, string> },
      { abortSignal: signal },
    );
  };
  return {
    kind: IDENTITY_KIND,
    immutablePaths: ["location"],
    addressOf: (live, owner) => `${owner.task}.identity["${identityLocation(live.id).name}"]`,
    async readLive(request) {
      const identities = await listWireOrPerGroup(
        {
          subscription: () => client.userAssignedIdentities.listBySubscription({ abortSignal: request.signal }),
          group: (name) => client.userAssignedIdentities.listByResourceGroup(name, { abortSignal: request.signal }),
        },
        options.resourceGroups,
      );
      return ownedOrWanted(IDENTITY_KIND, identities, request, (body) => ownershipFromTags(body.tags));
    },
    // Deleting an identity deletes its federated credentials (they carry no stamp) and what is scoped to it.
    async readContents(live, signal) {
      const { group, name } = identityLocation(live.id);
      const [credentials, scoped] = await Promise.all([
        listWire(() => client.federatedIdentityCredentials.list(group, name, { abortSignal: signal })),
        extensionsUnder(extensions, live.id, signal),
      ]);
      return [...credentials.map((body) => planContent(body, undefined)), ...scoped];
    },
    create: put,
    update: (desired, _live, _diff, signal) => put(desired, signal),
    async delete(live, signal) {
      const { group, name } = identityLocation(live.id);
      await client.userAssignedIdentities.delete(group, name, { abortSignal: signal });
    },
  };
}
