import type { WireObject } from "./desired-resource.ts";

/** A resource as ARM returned it. */
export interface LiveResource {
  readonly id: string;
  readonly kind: string;
  /** The ARM JSON as read (wire shape). */
  readonly body: WireObject;
}
