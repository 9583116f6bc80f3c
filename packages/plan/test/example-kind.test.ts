import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { applyPlan } from "../src/apply-plan.ts";
import { createPlan } from "../src/create-plan.ts";
import { type ResourceGroupsApi, resourceGroupKind } from "./example-kind.ts";
import { groupId } from "./in-memory-kind.ts";
import { desiredGroup, ENV, SUBSCRIPTION } from "./plan-fixtures.ts";

/** An in-memory stand-in for the API slice the README's example kind declares. */
function fakeGroupsApi(): ResourceGroupsApi & { groups: Map<string, { location: string; tags: object }> } {
  const groups = new Map<string, { location: string; tags: object }>();
  return {
    groups,
    async *list() {
      for (const [name, group] of groups) yield { id: groupId(name), ...group };
    },
    async createOrUpdate(name, group) {
      groups.set(name, group);
    },
    async delete(name) {
      groups.delete(name);
    },
  };
}

describe("the README's example kind", () => {
  it("is quoted in the README verbatim, so the sample cannot rot", async () => {
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    const source = await readFile(new URL("./example-kind.ts", import.meta.url), "utf8");
    expect(readme).toContain(`\`\`\`ts\n${source}\`\`\``);
  });

  it.each([
    { label: "a missing group is created, then matches", seeded: false, first: "create" },
    { label: "an owned group is a no-op", seeded: true, first: "no-op" },
  ])("$label", async ({ seeded, first }) => {
    const api = fakeGroupsApi();
    const kinds = [resourceGroupKind(api)];
    const plan = () =>
      createPlan({
        environment: ENV,
        subscriptionId: SUBSCRIPTION,
        tasks: ["groups"],
        desired: [desiredGroup("rg-app")],
        kinds,
      });
    if (seeded) await applyPlan(await plan(), { kinds });
    const firstPlan = await plan();
    expect(firstPlan.changes.map((change) => change.action)).toEqual([first]);
    await applyPlan(firstPlan, { kinds });
    expect((await plan()).changes.map((change) => change.action)).toEqual(["no-op"]);
    expect(api.groups.get("rg-app")?.tags).toMatchObject({ "managed-by": "azure-infra-ops", environment: ENV });
  });
});
