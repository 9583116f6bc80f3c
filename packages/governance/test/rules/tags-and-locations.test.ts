import { describe, expect, it } from "vitest";
import { allowedLocationsRule } from "../../src/rules/allowed-locations.ts";
import { requiredTagsRule } from "../../src/rules/required-tags.ts";
import { genericResource, resourceGroup, run, subscription } from "../governance-fixtures.ts";

describe("governance.required-tags", () => {
  const requiredTags = ["cost-center", "owner"];
  it.each([
    ["group with both tags", resourceGroup({ "cost-center": "42", owner: "data-team" }), requiredTags, "pass"],
    [
      "tag names differ in case (ARM is case-insensitive)",
      resourceGroup({ "Cost-Center": "42", OWNER: "data" }),
      requiredTags,
      "pass",
    ],
    ["group missing owner", resourceGroup({ "cost-center": "42" }), requiredTags, "fail"],
    ["empty tag value", resourceGroup({ "cost-center": " ", owner: "data" }), requiredTags, "fail"],
    ["resource with no tags property", genericResource("stdata01"), requiredTags, "fail"],
    ["no required tags", resourceGroup(), [], "not-applicable"],
    ["subscription", subscription(), requiredTags, "not-applicable"],
  ])("%s -> %s", (_label, resource, tags, expected) => {
    expect(run(requiredTagsRule, resource, {}, { requiredTags: tags }).status).toBe(expected);
  });

  it("names the missing tags", () => {
    expect(run(requiredTagsRule, resourceGroup({}), {}, { requiredTags: ["owner"] }).message).toBe(
      "missing tags: owner",
    );
  });
});

describe("governance.allowed-locations", () => {
  const allowedLocations = ["westeurope", "North Europe"];
  it.each([
    ["westeurope", allowedLocations, "pass"],
    ["northeurope (allowed as 'North Europe')", allowedLocations, "pass"],
    ["eastus", allowedLocations, "fail"],
    ["global", allowedLocations, "not-applicable"],
    ["eastus", [], "not-applicable"],
  ])("%s -> %s", (location, allowed, expected) => {
    const resource = genericResource("stdata01", {}, location.split(" ")[0]!);
    expect(run(allowedLocationsRule, resource, {}, { allowedLocations: allowed }).status).toBe(expected);
  });

  it("is not applicable to a resource without a location (subscriptions)", () => {
    expect(run(allowedLocationsRule, subscription(), {}, { allowedLocations: ["westeurope"] }).status).toBe(
      "not-applicable",
    );
  });
});
