import { describe, expect, it } from "vitest";
import { createPlan } from "../src/create-plan.ts";
import type { DesiredResource, WireObject } from "../src/desired-resource.ts";
import { DependencyCycleError, LiveReadError, PlanConfigError } from "../src/errors.ts";
import { ownershipTags } from "../src/ownership.ts";
import type { PlanProblemCode } from "../src/plan.ts";
import { ACCOUNTS, accountId, GROUPS, InMemoryKind } from "./in-memory-kind.ts";
import { accountProperties, desiredAccount, desiredGroup, ENV, liveAccount, SUBSCRIPTION } from "./plan-fixtures.ts";

interface Case {
  readonly label: string;
  readonly live: Record<string, WireObject>;
  readonly desired: readonly DesiredResource[];
  readonly prune?: boolean;
  readonly changes: [string, string][];
  readonly orphans?: string[];
  readonly problems?: PlanProblemCode[];
}

function planWith(testCase: Pick<Case, "live" | "desired" | "prune">, kind = new InMemoryKind(ACCOUNTS)) {
  for (const [name, body] of Object.entries(testCase.live)) kind.seed(accountId("rg-app", name), body);
  return createPlan({
    environment: ENV,
    subscriptionId: SUBSCRIPTION,
    tasks: ["storage"],
    desired: testCase.desired.map((resource) => ({ ...resource, dependsOn: [] })),
    kinds: [kind],
    prune: testCase.prune ?? false,
  });
}

describe("createPlan change classification", () => {
  it.each<Case>([
    { label: "absent -> create", live: {}, desired: [desiredAccount("st1")], changes: [["st1", "create"]] },
    {
      label: "owned and matching -> no-op",
      live: { st1: liveAccount() },
      desired: [desiredAccount("st1")],
      changes: [["st1", "no-op"]],
    },
    {
      label: "owned and drifted -> update",
      live: { st1: liveAccount({ properties: { minimumTlsVersion: "TLS1_0", allowBlobPublicAccess: false } }) },
      desired: [desiredAccount("st1")],
      changes: [["st1", "update"]],
    },
    {
      label: "existing without ownership tags -> conflict, never taken",
      live: { st1: accountProperties() },
      desired: [desiredAccount("st1")],
      changes: [],
      problems: ["unmanaged-conflict"],
    },
    {
      label: "owned by another environment -> conflict",
      live: { st1: liveAccount({}, ownershipTags("prod", "storage")) },
      desired: [desiredAccount("st1")],
      changes: [],
      problems: ["ownership-conflict"],
    },
    {
      label: "owned leftover without prune -> orphan only",
      live: { old1: liveAccount() },
      desired: [],
      changes: [],
      orphans: ["old1"],
    },
    {
      label: "owned leftover with prune -> delete",
      live: { old1: liveAccount() },
      desired: [],
      prune: true,
      changes: [["old1", "delete"]],
    },
    {
      label: "unowned leftover with prune -> untouched",
      live: { brown1: accountProperties() },
      desired: [],
      prune: true,
      changes: [],
    },
    {
      label: "leftover of another task or environment with prune -> untouched",
      live: {
        net1: liveAccount({}, ownershipTags(ENV, "network")),
        prod1: liveAccount({}, ownershipTags("prod", "storage")),
      },
      desired: [],
      prune: true,
      changes: [],
    },
  ])("$label", async (testCase) => {
    const plan = await planWith(testCase);
    expect(plan.changes.map((change) => [change.name, change.action])).toEqual(testCase.changes);
    expect(plan.orphans.map((orphan) => orphan.name)).toEqual(testCase.orphans ?? []);
    expect(plan.problems.map((problem) => problem.code)).toEqual(testCase.problems ?? []);
  });

  it("an update carries exactly the drifted paths", async () => {
    const plan = await planWith({
      live: { st1: liveAccount({ properties: { minimumTlsVersion: "TLS1_0", allowBlobPublicAccess: false } }) },
      desired: [desiredAccount("st1")],
    });
    expect(plan.changes[0]?.diff).toEqual([
      { path: "properties.minimumTlsVersion", before: "TLS1_0", after: "TLS1_2" },
    ]);
  });

  it("the conflict message says how to adopt or rename", async () => {
    const plan = await planWith({ live: { st1: accountProperties() }, desired: [desiredAccount("st1")] });
    expect(plan.problems[0]?.message).toContain(
      "exists but is not managed by this repo: adopt it by adding the tags managed-by=azure-infra-ops, environment=dev, task=storage, or rename it",
    );
  });

  it("a change of an immutable path is an update plus a forces-replacement problem", async () => {
    const kind = new InMemoryKind(ACCOUNTS, { immutablePaths: ["kind"] });
    const plan = await planWith(
      { live: { st1: liveAccount({ kind: "BlobStorage" }) }, desired: [desiredAccount("st1")] },
      kind,
    );
    expect(plan.changes.map((change) => change.action)).toEqual(["update"]);
    expect(plan.problems).toMatchObject([{ code: "forces-replacement", message: expect.stringContaining("kind") }]);
  });

  it("stamps the ownership tags over a task's own tags of the same name", async () => {
    const properties = accountProperties({ tags: { Environment: "spoofed", costCenter: "ops" } });
    const plan = await planWith({ live: {}, desired: [desiredAccount("st1", properties)] });
    expect(plan.changes[0]?.properties?.tags).toEqual({ costCenter: "ops", ...ownershipTags(ENV, "storage") });
  });

  it("reads each kind once, also a kind with nothing desired (to find leftovers)", async () => {
    const accounts = new InMemoryKind(ACCOUNTS);
    const groups = new InMemoryKind(GROUPS);
    await createPlan({
      environment: ENV,
      subscriptionId: SUBSCRIPTION,
      tasks: ["storage", "groups"],
      desired: [
        desiredAccount("st1", accountProperties(), "rg-a"),
        desiredAccount("st2", accountProperties(), "rg-b"),
      ].map((resource) => ({ ...resource, dependsOn: [] })),
      kinds: [accounts, groups],
    });
    expect(accounts.calls).toEqual(["read 2 ids"]);
    expect(groups.calls).toEqual(["read 0 ids"]);
  });

  it("a failed read fails the plan, naming the kind", async () => {
    const kind = new InMemoryKind(ACCOUNTS);
    kind.readLive = () => Promise.reject(new Error("403 AuthorizationFailed"));
    await expect(planWith({ live: {}, desired: [] }, kind)).rejects.toThrow(LiveReadError);
    await expect(planWith({ live: {}, desired: [] }, kind)).rejects.toThrow(
      /Microsoft.Storage\/storageAccounts resources: 403/,
    );
  });
});

describe("createPlan refuses inconsistent desired resources before reading anything", () => {
  const group = desiredGroup("rg-app");
  it.each<{ label: string; desired: DesiredResource[]; error: new (...args: never[]) => Error; message: RegExp }>([
    {
      label: "duplicate address",
      desired: [group, group],
      error: PlanConfigError,
      message: /appears more than once/,
    },
    {
      label: "unknown dependency",
      desired: [desiredAccount("st1")],
      error: PlanConfigError,
      message: /depends on unknown address groups.group\["rg-app"\]/,
    },
    {
      label: "unknown kind",
      desired: [{ ...group, kind: "Microsoft.Web/sites" }],
      error: PlanConfigError,
      message: /no ResourceKind registered for Microsoft.Web\/sites/,
    },
    {
      label: "dependency cycle",
      desired: [{ ...group, dependsOn: ['storage.account["st1"]'] }, desiredAccount("st1")],
      error: DependencyCycleError,
      message: /groups.group\["rg-app"\] -> storage.account\["st1"\] -> groups.group\["rg-app"\]/,
    },
  ])("$label", async ({ desired, error, message }) => {
    const kinds = [new InMemoryKind(ACCOUNTS), new InMemoryKind(GROUPS)];
    const plan = createPlan({
      environment: ENV,
      subscriptionId: SUBSCRIPTION,
      tasks: ["storage", "groups"],
      desired,
      kinds,
    });
    await expect(plan).rejects.toThrow(error);
    await expect(plan).rejects.toThrow(message);
    expect(kinds.flatMap((kind) => kind.calls)).toEqual([]);
  });
});

describe("createPlan across tasks", () => {
  it("accepts a dependency on another task's address: that task plans and applies it", async () => {
    const kind = new InMemoryKind(ACCOUNTS);
    // The storage task alone: its account depends on the groups task's address, which is not in this plan.
    const plan = await createPlan({
      environment: ENV,
      subscriptionId: SUBSCRIPTION,
      tasks: ["storage"],
      desired: [desiredAccount("st1")],
      kinds: [kind],
    });
    expect(plan.changes.map((change) => [change.action, change.address])).toEqual([
      ["create", 'storage.account["st1"]'],
    ]);
    expect(plan.changes[0]?.dependsOn).toEqual(['groups.group["rg-app"]']);
  });
});
