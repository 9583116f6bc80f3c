import type { DesiredResource, LiveResource, ReadLiveRequest, ResourceKind } from "@infra/plan";

const KIND = "Microsoft.Resources/resourceGroups";

/** The slice of arm-resources' `client.resourceGroups` this kind uses (injected, so tests can pass the real client). */
export interface ResourceGroupsApi {
  list(options?: { abortSignal?: AbortSignal }): AsyncIterable<{ id?: string; location: string; tags?: object }>;
  createOrUpdate(
    name: string,
    group: { location: string; tags: object },
    options?: { abortSignal?: AbortSignal },
  ): Promise<unknown>;
  delete(name: string, options?: { abortSignal?: AbortSignal }): PromiseLike<unknown>;
}

export function resourceGroupKind(api: ResourceGroupsApi): ResourceKind {
  // The engine stamped the ownership tags into desired.properties.tags already.
  const body = (desired: DesiredResource) => ({
    location: String(desired.properties.location),
    tags: { ...(desired.properties.tags as object) },
  });
  return {
    kind: KIND,
    immutablePaths: ["location"],
    // One list call answers for every desired group and every owned leftover.
    async readLive(request: ReadLiveRequest): Promise<LiveResource[]> {
      const live: LiveResource[] = [];
      for await (const group of api.list({ abortSignal: request.signal })) {
        if (group.id) live.push({ id: group.id, kind: KIND, body: { ...group } });
      }
      return live;
    },
    async create(desired, signal) {
      await api.createOrUpdate(desired.name, body(desired), { abortSignal: signal });
    },
    async update(desired, _live, _diff, signal) {
      await api.createOrUpdate(desired.name, body(desired), { abortSignal: signal });
    },
    async delete(live, signal) {
      await api.delete(live.id.split("/").at(-1) ?? "", { abortSignal: signal });
    },
  };
}
