import { z } from "zod";
import { region, resourceGroupName, tags } from "./schema-parts.ts";

export const resourceGroupSchema = z.strictObject({
  name: resourceGroupName,
  location: region.optional(),
  tags: tags.optional(),
  /** A CanNotDelete management lock; protected environments should set it on every group. */
  lock: z.enum(["CanNotDelete", "ReadOnly"], { error: "must be CanNotDelete or ReadOnly" }).optional(),
});

export type ResourceGroupConfig = z.output<typeof resourceGroupSchema>;
