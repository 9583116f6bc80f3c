import { z } from "zod";
import { SuppressionFileError } from "./errors.ts";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
  .refine((value) => {
    // zod still runs refinements after a failed regex, so this must not throw on any string.
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "not a real calendar date");

const suppressionSchema = z.strictObject({
  rule: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/, "expected a rule id such as storage.secure-transfer"),
  resource: z.string().min(1, "expected a resource id or glob"),
  justification: z.string().trim().min(10, "say why, in at least 10 characters"),
  expires: isoDate,
});

export const suppressionFileSchema = z.strictObject({
  $schema: z.string().optional(),
  suppressions: z.array(suppressionSchema),
});

/** One reviewed exception: rule id, resource id glob, why, and the last day (UTC) it applies. */
export type Suppression = z.infer<typeof suppressionSchema>;

/** Validates parsed JSON from a suppression file; `source` names the file in errors. */
export function parseSuppressions(json: unknown, source: string): Suppression[] {
  const result = suppressionFileSchema.safeParse(json);
  if (!result.success) {
    throw new SuppressionFileError(
      source,
      result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  return result.data.suppressions;
}
