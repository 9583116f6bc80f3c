import { readFile, writeFile } from "node:fs/promises";
import { z } from "zod";
import { PlanFileError } from "./errors.ts";
import { PLAN_PROBLEM_CODES, PLAN_VERSION, type Plan } from "./plan.ts";

// JSON drops `undefined` (an unset live value), so both sides may be missing from a saved diff.
const propertyChangeSchema = z.object({
  path: z.string().min(1),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

const changeSchema = z.strictObject({
  action: z.enum(["create", "update", "delete", "no-op"]),
  address: z.string().min(1),
  kind: z.string().min(1),
  id: z.string().regex(/^\//, "expected an ARM resource id starting with /"),
  name: z.string().min(1),
  task: z.string().min(1),
  dependsOn: z.array(z.string()),
  properties: z.record(z.string(), z.unknown()).optional(),
  diff: z.array(propertyChangeSchema),
  liveFingerprint: z.string().min(1),
  protected: z.literal(true).optional(),
  contents: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        type: z.string().min(1),
        owner: z.strictObject({ environment: z.string(), task: z.string() }).optional(),
      }),
    )
    .optional(),
});

const planSchema = z.strictObject({
  version: z.literal(PLAN_VERSION, {
    error: `expected version ${PLAN_VERSION}: make the plan again with this version`,
  }),
  environment: z.string().min(1),
  subscriptionId: z.string().min(1),
  createdAt: z.iso.datetime(),
  prune: z.boolean(),
  tasks: z.array(z.string().min(1)),
  changes: z.array(changeSchema),
  orphans: z.array(
    z.strictObject({
      address: z.string().optional(),
      kind: z.string(),
      id: z.string(),
      name: z.string(),
      task: z.string(),
    }),
  ),
  problems: z.array(
    z.strictObject({
      code: z.enum(PLAN_PROBLEM_CODES),
      address: z.string(),
      id: z.string(),
      message: z.string(),
    }),
  ),
  notes: z.array(z.strictObject({ address: z.string(), message: z.string() })).optional(),
});

/** The plan as saved: stable JSON with a version, everything apply needs. */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** Validates parsed JSON as a saved plan; `source` names the file in errors, each problem names its field. */
export function parsePlan(json: unknown, source: string): Plan {
  const result = planSchema.safeParse(json);
  if (!result.success) {
    throw new PlanFileError(
      source,
      result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  // Change properties and diffs are free-form wire JSON; the schema checked every field the engine relies on.
  return result.data as Plan;
}

export async function writePlanFile(path: string, plan: Plan): Promise<void> {
  await writeFile(path, serializePlan(plan), "utf8");
}

export async function readPlanFile(path: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new PlanFileError(path, [`cannot read: ${(error as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PlanFileError(path, [`not JSON: ${(error as Error).message}`]);
  }
  return parsePlan(json, path);
}
