import { z } from "zod";
import { checkAllowedLocation } from "./allowed-location.ts";
import { defineSection } from "./environment-section.ts";
import { type Loose, looseList, looseObject, looseText } from "./loose-reading.ts";
import { declaredGroupNames } from "./resource-groups-section.ts";
import { region, resourceGroupName, shown, tags } from "./schema-parts.ts";

// ARM's rule for Microsoft.ManagedIdentity/userAssignedIdentities names.
const identityName = z.string({ error: "must be a managed identity name" }).regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$/, {
  error: (issue) => `${shown(issue.input)} must be 3-128 letters, digits, '-' or '_', starting with a letter or digit`,
});

const branchName = z
  .string({ error: "must be a branch name" })
  .regex(/^(?!refs\/)[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, {
    error: (issue) => `${shown(issue.input)} must be a branch name such as main or release/2026 (no refs/heads/)`,
  });

export const managedIdentitySchema = z.strictObject({
  name: identityName,
  resourceGroup: resourceGroupName,
  location: region.optional(),
  tags: tags.optional(),
});

export const managedIdentitiesSectionSchema = z.strictObject({
  /**
   * The GitHub repository's default branch. A federated credential for it is expected (scheduled runs sign in from
   * it); one for any other branch is an audit finding.
   */
  defaultBranch: branchName.default("main"),
  identities: z.array(managedIdentitySchema).default([]),
});

export type ManagedIdentityConfig = z.output<typeof managedIdentitySchema>;
export type ManagedIdentitiesSection = z.output<typeof managedIdentitiesSectionSchema>;

/** The identities an environment declares, by lowercase name, read defensively. */
export function declaredIdentityNames(environment: Loose): Set<string> {
  const names = new Set<string>();
  for (const identity of looseList(looseObject(environment.managedIdentities).identities)) {
    const name = looseText(identity.name);
    if (name) names.add(name.toLowerCase());
  }
  return names;
}

/** `managedIdentities`: user-assigned identities, and the branch their GitHub credentials may trust. */
export const managedIdentitiesSection = defineSection({
  key: "managedIdentities",
  // zod 4's `.default()` takes the value as it is: every field's default is spelled out.
  schema: managedIdentitiesSectionSchema.default({ defaultBranch: "main", identities: [] }),
  crossReferences(environment, report) {
    const groups = declaredGroupNames(environment);
    // Unique per environment (ARM only needs it per group), so the plan address can be the name alone.
    const identities = new Map<string, number>();
    looseList(looseObject(environment.managedIdentities).identities).forEach((identity, index) => {
      const at = ["managedIdentities", "identities", index];
      const name = looseText(identity.name);
      const group = looseText(identity.resourceGroup);
      if (name && identities.has(name.toLowerCase())) {
        report(
          [...at, "name"],
          `${shown(name)} is declared twice (also managedIdentities.identities[${identities.get(name.toLowerCase())}]); identity names are case-insensitive and unique in an environment`,
        );
      } else if (name) identities.set(name.toLowerCase(), index);
      if (group && !groups.has(group.toLowerCase())) {
        report([...at, "resourceGroup"], `${shown(group)} is not declared in resourceGroups; add it there first`);
      }
      checkAllowedLocation(environment, [...at, "location"], identity.location, report);
    });
  },
});
