import { z } from "zod";
import { checkCrossReferences } from "./cross-references.ts";
import { managedIdentitiesSectionSchema } from "./managed-identities-section.ts";
import { reservedWordIn } from "./reserved-names.ts";
import { resourceGroupSchema } from "./resource-groups-section.ts";
import { duration, guid, region, shown, tags } from "./schema-parts.ts";
import { storageSectionSchema } from "./storage-section.ts";

/**
 * One environment: where it lives, how things are named and tagged, and one section per task.
 * Strict objects: an unknown key is an error (a typo like `soft_delete_days` must not be silently ignored).
 */
export const environmentSchema = z
  .strictObject({
    name: z.string({ error: "must be the environment's name" }).regex(/^[a-z][a-z0-9-]{1,19}$/, {
      error: (issue) =>
        `${shown(issue.input)} must be 2-20 lowercase letters, digits or hyphens, starting with a letter`,
    }),
    description: z.string().optional(),
    /** Omit to take AZURE_SUBSCRIPTION_ID (or the CLI's default) at run time. */
    subscriptionId: guid("subscription id").optional(),
    tenantId: guid("tenant id").optional(),
    location: region,
    /** Regions resources may live in; defaults to `location` alone. */
    allowedLocations: z.array(region).min(1).optional(),
    namingPrefix: z
      .string({ error: "must be a naming prefix" })
      .regex(/^[a-z][a-z0-9]{1,9}$/, {
        error: (issue) => `${shown(issue.input)} must be 2-10 lowercase letters and digits, starting with a letter`,
      })
      // Every storage account name starts with it, the lock account's too (see @infra/arm lock-home.ts).
      .refine((prefix) => reservedWordIn(`${prefix}lock`) === undefined, {
        error: (issue) =>
          `${shown(issue.input)} holds the reserved word "${reservedWordIn(`${String(issue.input)}lock`)}": Azure refuses account names with it (ReservedResourceName)`,
      }),
    /** Production-like: provision and destroy need the environment's name typed (or --confirm-env NAME). */
    protected: z.boolean({ error: "must be true or false" }).default(false),
    /** Tags put on everything this environment creates (the ownership tags are added on top). */
    tags: tags.default({}),
    /** Tag names every group and resource must carry; the audit checks them. */
    requiredTags: z.array(z.string().min(1)).default([]),
    resourceGroups: z.array(resourceGroupSchema).default([]),
    storage: storageSectionSchema.default({ accounts: [] }),
    managedIdentities: managedIdentitiesSectionSchema.default({ defaultBranch: "main", identities: [] }),
    /** How long an apply may wait: the whole of it, and each long-running operation (by ARM type, or `default`). */
    deadlines: z
      .strictObject({
        apply: duration.optional(),
        operations: z.record(z.string().min(1), duration).optional(),
      })
      .optional(),
  })
  // Cross-field rules run even when some fields are invalid, so one run reports every problem at once.
  .superRefine(checkCrossReferences, { when: () => true } as never);

/** What an environment file may contain (defaults not yet applied). */
export type EnvironmentInput = z.input<typeof environmentSchema>;
/** A validated environment with every default applied. */
export type Environment = z.output<typeof environmentSchema>;

/** Typed helper for environment files written in TypeScript. */
export function defineEnvironment(input: EnvironmentInput): EnvironmentInput {
  return input;
}
