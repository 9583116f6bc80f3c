import { valueAt } from "@infra/plan";
import { describe, expect, it } from "vitest";
import { readable, unreadable } from "../src/audited-resource.ts";
import { fail, notApplicable, pass } from "../src/check-result.ts";
import { evaluateRules, unreadableResourceFindings } from "../src/evaluate-rules.ts";
import { requireRelated } from "../src/require-related.ts";
import { ANY_RESOURCE_TYPE, type AuditContext, type Rule } from "../src/rule.ts";

const context: AuditContext = { now: new Date("2026-11-26T00:00:00Z") };

const base = {
  title: "t",
  severity: "high" as const,
  rationale: "r",
  remediation: "f",
  references: {},
  resourceType: "Microsoft.Storage/storageAccounts",
};

const tlsRule: Rule = {
  ...base,
  id: "test.tls",
  check: ({ resource }) => {
    const actual = valueAt(resource, "properties.minimumTlsVersion");
    const evidence = { path: "properties.minimumTlsVersion", actual };
    if (actual === undefined) return notApplicable("absent", evidence);
    return actual === "TLS1_2" ? pass("ok", evidence) : fail("old TLS", evidence);
  },
};

const serviceRule: Rule = {
  ...base,
  id: "test.service",
  related: ["blobService"],
  check: (audited) => {
    const enabled = valueAt(requireRelated(audited, "blobService"), "properties.isVersioningEnabled");
    return enabled === true ? pass("on") : fail("off");
  },
};

const throwingRule: Rule = {
  ...base,
  id: "test.throws",
  check: () => {
    throw new TypeError("boom");
  },
};

function account(properties: Record<string, unknown>, related: Record<string, ReturnType<typeof readable>> = {}) {
  return {
    resource: {
      id: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/a",
      name: "a",
      type: "microsoft.storage/STORAGEACCOUNTS",
      properties,
    },
    related,
  };
}

describe("evaluateRules", () => {
  it.each<[string, { minimumTlsVersion?: string }]>([
    ["pass", { minimumTlsVersion: "TLS1_2" }],
    ["fail", { minimumTlsVersion: "TLS1_0" }],
    ["not-applicable", {}],
  ])("turns a %s check into a finding with evidence", (status, properties) => {
    const [finding] = evaluateRules([tlsRule], [account(properties)], context);
    expect(finding).toMatchObject({
      ruleId: "test.tls",
      severity: "high",
      status,
      resourceId: expect.stringContaining("/a"),
    });
    expect(finding?.evidence).toEqual([{ path: "properties.minimumTlsVersion", actual: properties.minimumTlsVersion }]);
  });

  it("skips rules for other resource types and matches types case-insensitively", () => {
    const other: Rule = { ...tlsRule, id: "test.other", resourceType: "Microsoft.Resources/resourceGroups" };
    const findings = evaluateRules([tlsRule, other], [account({ minimumTlsVersion: "TLS1_2" })], context);
    expect(findings.map((finding) => finding.ruleId)).toEqual(["test.tls"]);
  });

  it.each([
    [
      "unreadable",
      { blobService: unreadable("403 AuthorizationFailed", "AuthorizationFailed") },
      /403 AuthorizationFailed/,
    ],
    ["not collected", {}, /not collected/],
  ])("a related document that is %s gives an error finding, never a pass", (_label, related, reason) => {
    const [finding] = evaluateRules([serviceRule], [account({}, related)], context);
    expect(finding?.status).toBe("error");
    expect(finding?.message).toMatch(reason);
  });

  it("reads a related document that is there", () => {
    const related = { blobService: readable({ properties: { isVersioningEnabled: true } }) };
    expect(evaluateRules([serviceRule], [account({}, related)], context)[0]?.status).toBe("pass");
  });

  it("a rule for ANY_RESOURCE_TYPE runs on every resource", () => {
    const anyRule: Rule = { ...tlsRule, id: "test.any", resourceType: ANY_RESOURCE_TYPE, check: () => pass("ok") };
    const group = {
      resource: { id: "/subscriptions/s/resourceGroups/g", name: "g", type: "Microsoft.Resources/resourceGroups" },
      related: {},
    };
    const findings = evaluateRules([anyRule], [account({}), group], context);
    expect(findings.map((finding) => finding.resourceType)).toEqual([
      "microsoft.storage/STORAGEACCOUNTS",
      "Microsoft.Resources/resourceGroups",
    ]);
  });

  it.each([
    ["managed by this repo", { "managed-by": "azure-infra-ops", environment: "prod", task: "storage" }, "prod"],
    ["tag keys in another casing", { "Managed-By": "azure-infra-ops", Environment: "dev", TASK: "storage" }, "dev"],
    ["managed by another tool", { "managed-by": "terraform", environment: "prod", task: "storage" }, undefined],
    ["without the task tag", { "managed-by": "azure-infra-ops", environment: "prod" }, undefined],
    ["without tags", undefined, undefined],
  ])("a finding names the owning environment from the resource's ownership tags: %s", (_label, tags, expected) => {
    const owned = { ...account({ minimumTlsVersion: "TLS1_0" }), resource: { ...account({}).resource, tags } };
    const [finding] = evaluateRules([tlsRule, throwingRule], [owned], context);
    expect(finding?.ownerEnvironment).toBe(expected);
    // An error finding is located like any other: it keeps the owner too.
    expect(evaluateRules([throwingRule], [owned], context)[0]?.ownerEnvironment).toBe(expected);
  });

  it("a rule that throws gives an error finding and the other rules still run", () => {
    const findings = evaluateRules([throwingRule, tlsRule], [account({ minimumTlsVersion: "TLS1_2" })], context);
    expect(findings.map((finding) => finding.status)).toEqual(["error", "pass"]);
    expect(findings[0]?.message).toContain("TypeError: boom");
  });
});

describe("unreadableResourceFindings", () => {
  it("gives one error per applicable rule for a resource that could not be read", () => {
    const findings = unreadableResourceFindings(
      [tlsRule, serviceRule, { ...tlsRule, id: "x", resourceType: "Other/type" }],
      { id: "/r", type: "Microsoft.Storage/storageAccounts" },
      "403",
    );
    expect(findings.map((finding) => [finding.ruleId, finding.status])).toEqual([
      ["test.tls", "error"],
      ["test.service", "error"],
    ]);
  });
});
