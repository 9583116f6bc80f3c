import { LiveReadError } from "./errors.ts";
import type { LiveResource } from "./live-resource.ts";
import type { ResourceKind } from "./resource-kind.ts";

export interface ReadLiveStateInput {
  readonly subscriptionId: string;
  readonly environment: string;
  readonly tasks: readonly string[];
  readonly kinds: readonly ResourceKind[];
  /** Ids to look for, by kind key. */
  readonly idsByKind: ReadonlyMap<string, readonly string[]>;
  readonly signal?: AbortSignal;
}

/** Asks every kind once, in parallel, for its desired ids and its owned resources. Any failed read fails the whole. */
export async function readLiveState(input: ReadLiveStateInput): Promise<Map<string, LiveResource[]>> {
  const reads = input.kinds.map(async (kind): Promise<[string, LiveResource[]]> => {
    try {
      const resources = await kind.readLive({
        subscriptionId: input.subscriptionId,
        environment: input.environment,
        ids: input.idsByKind.get(kind.kind) ?? [],
        tasks: input.tasks,
        ...(input.signal ? { signal: input.signal } : {}),
      });
      return [kind.kind, resources];
    } catch (error) {
      throw new LiveReadError(`live ${kind.kind} resources`, error);
    }
  });
  return new Map(await Promise.all(reads));
}
