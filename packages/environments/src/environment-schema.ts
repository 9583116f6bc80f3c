import { z } from "zod";
import { checkBaseCrossReferences } from "./base-cross-references.ts";
import type { EnvironmentSection } from "./environment-section.ts";
import { reservedWordIn } from "./reserved-names.ts";
import { duration, guid, region, shown, tags } from "./schema-parts.ts";

/**
 * What every environment has whatever its tasks: where it lives, how things are named and tagged, how long an apply
 * may take. Each task adds its own section (`EnvironmentSection`); `environmentSchemaFor` puts them together.
 */
const baseShape = {
  name: z.string({ error: "must be the environment's name" }).regex(/^[a-z][a-z0-9-]{1,19}$/, {
    error: (issue) => `${shown(issue.input)} must be 2-20 lowercase letters, digits or hyphens, starting with a letter`,
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
  /** How long an apply may wait: the whole of it, and each long-running operation (by ARM type, or `default`). */
  deadlines: z
    .strictObject({
      apply: duration.optional(),
      operations: z.record(z.string().min(1), duration).optional(),
    })
    .optional(),
};

const baseSchema = z.strictObject(baseShape);

/** What an environment file may contain: the base fields, and each task's section. */
export type EnvironmentInput = z.input<typeof baseSchema> & { readonly [section: string]: unknown };
/**
 * A validated environment with every default applied. Its sections are read typed through their owner:
 * `storageSection.of(environment)`.
 */
export type Environment = z.output<typeof baseSchema> & { readonly [section: string]: unknown };

export interface ComposeOptions {
  /**
   * `refused` (the default): a key that is neither a base field nor one of the sections is an error (a typo such as
   * `soft_delete_days` must not be silently ignored). `kept`: other keys pass through unchecked, for a process that
   * reads only some sections of an environment the root command has already validated whole.
   */
  otherKeys?: "refused" | "kept";
}

/**
 * The schema of an environment made of the base fields and `sections`, each under its key. Strict objects: an unknown
 * key is an error. Cross-field rules run even when some fields are invalid, so one run reports every problem at once.
 */
export function environmentSchemaFor(
  sections: readonly EnvironmentSection[],
  options: ComposeOptions = {},
): z.ZodType<Environment, EnvironmentInput> {
  const shape: Record<string, z.ZodType> = { ...baseShape };
  for (const section of sections) {
    if (Object.hasOwn(shape, section.key)) throw new Error(`two parts of the environment are named "${section.key}"`);
    shape[section.key] = section.schema;
  }
  const object = options.otherKeys === "kept" ? z.looseObject(shape) : z.strictObject(shape);
  return object.superRefine(
    (value, ctx) => {
      if (typeof value !== "object" || value === null) return;
      const environment = value as Record<string, unknown>;
      const report = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
      checkBaseCrossReferences(environment, report);
      for (const section of sections) section.crossReferences?.(environment, report);
    },
    { when: () => true } as never,
  ) as unknown as z.ZodType<Environment, EnvironmentInput>;
}

/** Typed helper for environment files written in TypeScript. */
export function defineEnvironment(input: EnvironmentInput): EnvironmentInput {
  return input;
}
