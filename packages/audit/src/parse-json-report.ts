import { z } from "zod";
import type { AuditReport } from "./audit-report.ts";
import type { Finding } from "./finding.ts";
import type { RuleMetadata } from "./rule.ts";
import { SEVERITIES } from "./severity.ts";

const severity = z.enum(SEVERITIES);

const ruleSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  severity,
  rationale: z.string(),
  remediation: z.string(),
  references: z.record(z.string(), z.unknown()),
  resourceType: z.string(),
  related: z.array(z.string()).optional(),
});

const findingSchema = z.object({
  ruleId: z.string().min(1),
  severity,
  resourceId: z.string().min(1),
  resourceType: z.string(),
  status: z.enum(["pass", "fail", "suppressed", "error", "not-applicable"]),
  message: z.string(),
  evidence: z.array(z.object({ path: z.string(), actual: z.unknown().optional(), expected: z.string().optional() })),
  ownerEnvironment: z.string().optional(),
  suppression: z.object({ justification: z.string(), expires: z.string(), resourcePattern: z.string() }).optional(),
});

/** What `renderJson` writes (`--format json`), schema version 1; the summary is recomputed, never trusted. */
const reportSchema = z.object({
  schemaVersion: z.literal(1),
  shard: z
    .object({
      split: z.string().min(1),
      index: z.number().int().min(1),
      count: z.number().int().min(1),
      subscriptions: z.array(z.string()),
    })
    .refine((shard) => shard.index <= shard.count, "shard index above its count")
    .optional(),
  rules: z.array(ruleSchema),
  findings: z.array(findingSchema),
});

/** A JSON audit report that is not one: unparsable, another schema version, or a field of the wrong shape. */
export class AuditReportFileError extends Error {
  readonly source: string;

  constructor(source: string, problem: string) {
    super(`${source} is not an audit report (--format json): ${problem}`);
    this.name = "AuditReportFileError";
    this.source = source;
  }
}

/** Reads back what `pnpm run audit -- --format json` wrote; `source` names the file in errors. */
export function parseJsonReport(text: string, source: string): AuditReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AuditReportFileError(source, (error as Error).message);
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AuditReportFileError(source, `${issue?.path.join(".") || "(top)"}: ${issue?.message ?? "invalid"}`);
  }
  const { shard, rules, findings } = parsed.data;
  return {
    rules: rules as RuleMetadata[],
    findings: findings as Finding[],
    ...(shard ? { shard } : {}),
  };
}
