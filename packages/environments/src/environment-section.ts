import type { z } from "zod";
import type { Environment } from "./environment-schema.ts";

/** Where a section's cross-reference check reports a problem: the path from the environment's top and the message. */
export type ReportProblem = (path: (string | number)[], message: string) => void;

/**
 * One task's part of an environment: the top-level key, its zod schema (with a default, so a file that leaves the
 * section out stays valid) and the checks that span it and other parts. The task package that owns the resources owns
 * its section; `@infra/environments` only composes the sections it is given (`environmentSchemaFor`).
 */
export interface EnvironmentSection<Key extends string = string, Schema extends z.ZodType = z.ZodType> {
  readonly key: Key;
  readonly schema: Schema;
  /**
   * Rules that span fields or sections (references, duplicates, names). They run on the value as given, even when
   * some fields are invalid, so one run reports every problem at once: read it defensively (`loose-reading.ts`).
   */
  readonly crossReferences?: (environment: Record<string, unknown>, report: ReportProblem) => void;
  /** This section of a validated environment, typed by the section's own schema. */
  of(environment: Environment): z.output<Schema>;
}

/** A section, with `of` reading it back from an environment validated by a schema that holds it. */
export function defineSection<const Key extends string, Schema extends z.ZodType>(
  section: Omit<EnvironmentSection<Key, Schema>, "of">,
): EnvironmentSection<Key, Schema> {
  return {
    ...section,
    of(environment) {
      if (!Object.hasOwn(environment, section.key)) {
        throw new Error(`the environment was validated without its "${section.key}" section`);
      }
      return environment[section.key] as z.output<Schema>;
    },
  };
}
