import {
  CREDENTIAL_KIND,
  identityLocation,
  isNotFound,
  type KindOptions,
  listWire,
  msiClient,
  parentIdentityId,
} from "@infra/arm";
import {
  type DesiredResource,
  isOwnedBy,
  type LiveResource,
  type Ownership,
  ownershipFromTags,
  type ResourceKind,
  type WireObject,
} from "@infra/plan";

/**
 * Federated identity credentials carry no tags: one is ours when its parent identity is (the identity's tags). Read per
 * identity (ARM has no list across identities): the desired credentials' parents and every identity this task owns in
 * the environment, so credentials that left the configuration are found too.
 */
export function federatedCredentialKind(options: KindOptions): ResourceKind {
  const client = msiClient(options.azure);
  const ownership = new Map<string, Ownership | undefined>();
  const put = async (desired: DesiredResource, signal: AbortSignal): Promise<void> => {
    const { group, name } = identityLocation(parentIdentityId(desired.id));
    const settings = (desired.properties.properties ?? {}) as { issuer: string; subject: string; audiences: string[] };
    await client.federatedIdentityCredentials.createOrUpdate(group, name, desired.name, settings, {
      abortSignal: signal,
    });
  };
  return {
    kind: CREDENTIAL_KIND,
    tagsPath: null,
    unorderedArrayPaths: ["properties.audiences"],
    readOwnership: (live: LiveResource) => ownership.get(parentIdentityId(live.id).toLowerCase()),
    addressOf: (live, owner) =>
      `${owner.task}.credential["${identityLocation(parentIdentityId(live.id)).name}/${live.id.split("/").at(-1)}"]`,
    async readLive(request) {
      const wantedParents = new Set(request.ids.map((id) => parentIdentityId(id).toLowerCase()));
      const identities = await listWire(() =>
        client.userAssignedIdentities.listBySubscription({ abortSignal: request.signal }),
      );
      const parents = identities.filter((identity) => {
        const owner = ownershipFromTags(identity.tags);
        ownership.set(String(identity.id).toLowerCase(), owner);
        return (
          wantedParents.has(String(identity.id).toLowerCase()) || isOwnedBy(owner, request.environment, request.tasks)
        );
      });
      const credentials = await Promise.all(
        parents.map(async (identity) => {
          const { group, name } = identityLocation(String(identity.id));
          try {
            return await listWire(() =>
              client.federatedIdentityCredentials.list(group, name, { abortSignal: request.signal }),
            );
          } catch (error) {
            if (isNotFound(error)) return [] as WireObject[];
            throw error;
          }
        }),
      );
      return credentials.flat().map((body): LiveResource => ({ id: String(body.id), kind: CREDENTIAL_KIND, body }));
    },
    create: put,
    update: (desired, _live, _diff, signal) => put(desired, signal),
    async delete(live, signal) {
      const { group, name } = identityLocation(parentIdentityId(live.id));
      await client.federatedIdentityCredentials.delete(group, name, String(live.body.name), { abortSignal: signal });
    },
  };
}
