import { describe, expect, it } from "vitest";
import { auditSplits, matrixEntries } from "../src/audit-matrix.ts";

const bootstrapped = {
  AZURE_TENANT_ID: "t",
  AZURE_READER_CLIENT_ID_PROD: "reader-prod",
  AZURE_SUBSCRIPTION_ID_PROD: "sub-prod",
};

describe("auditSplits", () => {
  it.each([
    { name: "each bootstrapped environment", variables: bootstrapped, splits: ["prod"], skipped: ["dev"] },
    {
      name: "and the tenant with an audit identity",
      variables: { ...bootstrapped, AZURE_AUDIT_CLIENT_ID: "auditor", AZURE_AUDIT_SUBSCRIPTION_ID: "sub-a" },
      splits: ["prod", "all"],
      skipped: ["dev"],
    },
    { name: "nothing bootstrapped", variables: {}, splits: [], skipped: ["dev", "prod"] },
  ])("$name", ({ variables, splits, skipped }) => {
    const result = auditSplits(["dev", "prod"], variables);
    expect({ splits: result.splits.map((split) => split.split), skipped: result.skipped }).toEqual({ splits, skipped });
  });
});

describe("matrixEntries", () => {
  it("keeps an environment's own code scanning category when it is one shard", () => {
    const [entry] = matrixEntries({ split: "prod", client: "C", home: "H" }, [
      { index: 1, count: 1, subscriptions: ["s1"] },
    ]);
    expect(entry).toEqual({
      split: "prod",
      environment: "prod",
      client: "C",
      home: "H",
      shard: "1/1",
      subscriptions: "s1",
      category: "azure-audit/prod/",
      slug: "prod-1-of-1",
    });
  });

  it("gives each shard of a bigger split its own category and name, and the tenant no environment", () => {
    const entries = matrixEntries({ split: "all", client: "C", home: "H" }, [
      { index: 1, count: 2, subscriptions: ["a", "b"] },
      { index: 2, count: 2, subscriptions: ["c"] },
    ]);
    expect(
      entries.map((entry) => [entry.environment, entry.shard, entry.subscriptions, entry.category, entry.slug]),
    ).toEqual([
      ["", "1/2", "a b", "azure-audit/all/shard-1-of-2/", "all-1-of-2"],
      ["", "2/2", "c", "azure-audit/all/shard-2-of-2/", "all-2-of-2"],
    ]);
  });
});
