import { z } from "zod";
import { checkAllowedLocation } from "./allowed-location.ts";
import { defineSection } from "./environment-section.ts";
import { type Loose, looseList, looseText } from "./loose-reading.ts";
import { region, resourceGroupName, shown, tags } from "./schema-parts.ts";

export const resourceGroupSchema = z.strictObject({
  name: resourceGroupName,
  location: region.optional(),
  tags: tags.optional(),
  /** A CanNotDelete management lock; protected environments should set it on every group. */
  lock: z.enum(["CanNotDelete", "ReadOnly"], { error: "must be CanNotDelete or ReadOnly" }).optional(),
});

export type ResourceGroupConfig = z.output<typeof resourceGroupSchema>;

/** The groups an environment declares, by lowercase name (group names are case-insensitive), read defensively. */
export function declaredGroupNames(environment: Loose): Set<string> {
  const names = new Set<string>();
  for (const group of looseList(environment.resourceGroups)) {
    const name = looseText(group.name);
    if (name) names.add(name.toLowerCase());
  }
  return names;
}

/** `resourceGroups`: the groups the environment's resources live in. */
export const resourceGroupsSection = defineSection({
  key: "resourceGroups",
  schema: z.array(resourceGroupSchema).default([]),
  crossReferences(environment, report) {
    const groups = new Map<string, number>();
    looseList(environment.resourceGroups).forEach((group, index) => {
      const name = looseText(group.name);
      if (!name) return;
      const key = name.toLowerCase();
      if (groups.has(key)) {
        report(
          ["resourceGroups", index, "name"],
          `${shown(name)} is declared twice (also resourceGroups[${groups.get(key)}]); group names are case-insensitive`,
        );
      } else groups.set(key, index);
      checkAllowedLocation(environment, ["resourceGroups", index, "location"], group.location, report);
    });
  },
});
