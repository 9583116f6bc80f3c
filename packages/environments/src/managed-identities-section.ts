import { z } from "zod";
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
