import { describe, expect, it } from "vitest";
import { summarizeResources } from "../../src/reporters/summarize-resources.ts";
import { ACCOUNT_ID, OTHER_ID, sampleFindings } from "../sample-report.ts";

describe("summarizeResources", () => {
  it("counts each resource's checks, incomplete resources first, ids compared as ARM does", () => {
    const findings = [...sampleFindings, { ...sampleFindings[1]!, resourceId: OTHER_ID.toUpperCase() }];
    expect(summarizeResources(findings)).toEqual([
      {
        resourceId: OTHER_ID,
        resourceType: "Microsoft.Storage/storageAccounts",
        byStatus: { pass: 2, fail: 1, suppressed: 0, error: 1, "not-applicable": 0 },
        worst: "low",
      },
      {
        resourceId: ACCOUNT_ID,
        resourceType: "Microsoft.Storage/storageAccounts",
        byStatus: { pass: 0, fail: 1, suppressed: 1, error: 0, "not-applicable": 1 },
        worst: "critical",
      },
    ]);
  });

  it("orders by the worst failure, then by how many, and a clean resource has no worst", () => {
    const clean = { ...sampleFindings[1]!, resourceId: `${OTHER_ID}-clean` };
    const low = { ...sampleFindings[5]! };
    const critical = { ...sampleFindings[0]! };
    const order = summarizeResources([clean, low, critical]).map((resource) => [resource.resourceId, resource.worst]);
    expect(order).toEqual([
      [ACCOUNT_ID, "critical"],
      [OTHER_ID, "low"],
      [`${OTHER_ID}-clean`, undefined],
    ]);
  });
});
