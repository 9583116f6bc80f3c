import { isOwnedBy, type LiveResource, type Ownership, type ReadLiveRequest, type WireObject } from "@infra/plan";

/** What a kind returns from a read: the desired ids that exist, and every resource it owns in this environment. */
export function ownedOrWanted(
  kind: string,
  bodies: readonly WireObject[],
  request: ReadLiveRequest,
  ownershipOf: (body: WireObject) => Ownership | undefined,
): LiveResource[] {
  const wanted = new Set(request.ids.map((id) => id.toLowerCase()));
  return bodies
    .filter(
      (body) =>
        wanted.has(String(body.id).toLowerCase()) || isOwnedBy(ownershipOf(body), request.environment, request.tasks),
    )
    .map((body) => ({ id: String(body.id), kind, body }));
}
