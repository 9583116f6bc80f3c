import { describe, expect, it } from "vitest";
import { governanceRules } from "../src/governance-rules.ts";

describe("governanceRules", () => {
  it("has unique governance.* ids and complete metadata", () => {
    const ids = governanceRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of governanceRules) {
      expect(rule.id).toMatch(/^governance\.[a-z0-9-]+$/);
      expect(rule.rationale.length).toBeGreaterThan(40);
      expect(rule.remediation.length).toBeGreaterThan(20);
    }
  });
});
