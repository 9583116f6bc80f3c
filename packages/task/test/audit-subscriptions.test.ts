import { type AuditContext, type AuditedResource, type Finding, fail, pass, type Rule } from "@infra/audit";
import type { AzureContext } from "@infra/auth";
import { createLogger } from "@infra/cli";
import { describe, expect, it } from "vitest";
import { type SubscriptionRead, subscriptionAudit } from "../src/audit-subscriptions.ts";

interface LimitContext extends AuditContext {
  readonly limit: number;
}

const sizeRule: Rule<LimitContext> = {
  id: "test.size",
  title: "size within the limit",
  severity: "high",
  rationale: "r",
  remediation: "m",
  references: {},
  resourceType: "Test/things",
  check: (audited, context) =>
    (audited.resource.properties as { size: number }).size <= context.limit ? pass("small") : fail("too big"),
};

const thing = (subscription: string, name: string, size: number): AuditedResource => ({
  resource: {
    id: `/subscriptions/${subscription}/resourceGroups/rg/providers/Test/things/${name}`,
    name,
    type: "Test/things",
    properties: { size },
  },
  related: {},
});

const unreadable: Finding = {
  ruleId: "test.size",
  severity: "high",
  resourceId: "/subscriptions/s2",
  resourceType: "Test/things",
  status: "error",
  message: "list failed",
  evidence: [],
};

describe("subscriptionAudit", () => {
  const reads: Record<string, SubscriptionRead> = {
    s1: { audited: [thing("s1", "a", 1), thing("s1", "b", 9)], findings: [] },
    s2: { audited: [thing("s2", "c", 5)], findings: [unreadable] },
  };
  it.each([
    { label: "one limit for all", limits: { a: 5, b: 5, c: 5 }, expected: ["pass a", "fail b", "error s2", "pass c"] },
    {
      label: "a context per resource",
      limits: { a: 0, b: 10, c: 4 },
      expected: ["fail a", "pass b", "error s2", "fail c"],
    },
  ])("$label: every resource of every subscription is checked, read failures kept", async ({ limits, expected }) => {
    const lines: string[] = [];
    const log = createLogger({ write: { write: (text: string) => void lines.push(text) } });
    const audit = subscriptionAudit({
      name: "test audit",
      noun: "things",
      rules: [sizeRule],
      prepare: () => ({
        read: async (subscriptionId) => reads[subscriptionId] as SubscriptionRead,
        contextFor: (audited) => ({
          now: new Date(0),
          limit: limits[audited.resource.name as keyof typeof limits],
        }),
      }),
    });
    expect(audit.rules.map((rule) => rule.id)).toEqual(["test.size"]);
    const result = await audit.run(
      { subscriptionIds: ["s1", "s2"] },
      { azure: {} as AzureContext, log, signal: new AbortController().signal, now: new Date(0) },
    );
    expect(result.findings.map((finding) => `${finding.status} ${finding.resourceId.split("/").at(-1)}`)).toEqual(
      expected,
    );
    expect(result.resourcesRead).toBe(3);
    expect(result.rules.map((rule) => rule.id)).toEqual(["test.size"]);
    expect(lines.join("")).toMatch(/test audit => subscription s1: 2 things read in \d+ ms/);
    expect(lines.join("")).toMatch(/test audit => subscription s2: 1 things read in \d+ ms/);
  });
});
