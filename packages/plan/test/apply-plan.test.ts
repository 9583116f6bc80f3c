import { describe, expect, it } from "vitest";
import { type ApplyProgressEvent, applyPlan } from "../src/apply-plan.ts";
import { createPlan } from "../src/create-plan.ts";
import type { DesiredResource, WireObject } from "../src/desired-resource.ts";
import { PlanNotApplicableError, StalePlanError } from "../src/errors.ts";
import { ownershipTags } from "../src/ownership.ts";
import { hasPendingChanges, type Plan } from "../src/plan.ts";
import { parsePlan, serializePlan } from "../src/plan-file.ts";
import { ACCOUNTS, accountId, GROUPS, groupId, InMemoryKind } from "./in-memory-kind.ts";
import { accountProperties, desiredAccount, desiredGroup, ENV, liveAccount, SUBSCRIPTION } from "./plan-fixtures.ts";

function world() {
  const groups = new InMemoryKind(GROUPS);
  const accounts = new InMemoryKind(ACCOUNTS, { unorderedArrayPaths: ["properties.networkAcls.ipRules"] });
  const kinds = [groups, accounts];
  const plan = (desired: readonly DesiredResource[], prune = false): Promise<Plan> =>
    createPlan({ environment: ENV, subscriptionId: SUBSCRIPTION, tasks: ["groups", "storage"], desired, kinds, prune });
  return { groups, accounts, kinds, plan };
}

const desired: DesiredResource[] = [
  desiredGroup("rg-app"),
  desiredAccount("st1"),
  desiredAccount(
    "st2",
    accountProperties({ properties: { networkAcls: { ipRules: [{ value: "1.1.1.1" }, { value: "2.2.2.2" }] } } }),
  ),
];

const writes = (kinds: readonly InMemoryKind[]): string[] =>
  kinds.flatMap((kind) => kind.calls.filter((call) => !call.startsWith("read")));

describe("applyPlan", () => {
  it("creates in dependency order, and a re-plan right after shows no changes", async () => {
    const { groups, accounts, kinds, plan } = world();
    const first = await plan(desired);
    expect(first.changes.map((change) => change.action)).toEqual(["create", "create", "create"]);
    const events: string[] = [];
    const result = await applyPlan(first, {
      kinds,
      onProgress: (event) => events.push(`${event.type} ${event.item.name}`),
    });
    expect(result.failed).toEqual([]);
    expect(events.indexOf("succeeded rg-app")).toBeLessThan(events.indexOf("started st1"));
    expect(groups.store.get(groupId("rg-app"))?.tags).toEqual(ownershipTags(ENV, "groups"));
    expect(accounts.store.size).toBe(2);

    const second = await plan(desired);
    expect(second.changes.map((change) => change.action)).toEqual(["no-op", "no-op", "no-op"]);
    expect(hasPendingChanges(second)).toBe(false);
  });

  it("an out-of-band change shows up as exactly that update, and apply converges", async () => {
    const { accounts, kinds, plan } = world();
    await applyPlan(await plan(desired), { kinds });
    const id = accountId("rg-app", "st1");
    accounts.seed(id, liveAccount({ properties: { minimumTlsVersion: "TLS1_0", allowBlobPublicAccess: false } }));
    const drifted = await plan(desired);
    expect(drifted.changes.filter((change) => change.action !== "no-op")).toMatchObject([
      { address: 'storage.account["st1"]', action: "update", diff: [{ path: "properties.minimumTlsVersion" }] },
    ]);
    expect(hasPendingChanges(drifted)).toBe(true);
    await applyPlan(drifted, { kinds });
    expect(hasPendingChanges(await plan(desired))).toBe(false);
  });

  it.each<{ label: string; outOfBand: (accounts: InMemoryKind) => void; stale: [string, string][] }>([
    {
      label: "a compared property of an update target changed",
      outOfBand: (accounts) =>
        accounts.seed(accountId("rg-app", "st1"), liveAccount({ properties: { minimumTlsVersion: "TLS1_1" } })),
      stale: [['storage.account["st1"]', "changed in Azure since the plan was made"]],
    },
    {
      label: "a resource appeared where the plan creates one",
      outOfBand: (accounts) => accounts.seed(accountId("rg-app", "st3"), liveAccount()),
      stale: [['storage.account["st3"]', "was created in Azure since the plan was made"]],
    },
    {
      label: "a no-op resource was deleted",
      outOfBand: (accounts) => accounts.store.delete(accountId("rg-app", "st2")),
      stale: [['storage.account["st2"]', "was deleted in Azure since the plan was made"]],
    },
    {
      label: "tags changed (ownership could have moved)",
      outOfBand: (accounts) => accounts.seed(accountId("rg-app", "st2"), { ...liveAccount(), tags: {} }),
      stale: [['storage.account["st2"]', "changed in Azure since the plan was made"]],
    },
  ])("a saved plan is refused when $label", async ({ outOfBand, stale }) => {
    const { accounts, kinds, plan } = world();
    await applyPlan(await plan(desired), { kinds });
    accounts.seed(accountId("rg-app", "st1"), liveAccount({ properties: { minimumTlsVersion: "TLS1_0" } }));
    const saved = serializePlan(await plan([...desired, desiredAccount("st3")]));
    outOfBand(accounts);
    const before = writes(kinds).length;

    const refused = applyPlan(parsePlan(JSON.parse(saved), "plan.json"), { kinds });
    await expect(refused).rejects.toThrow(StalePlanError);
    const error = (await refused.catch((caught: unknown) => caught)) as StalePlanError;
    expect(error.mismatches.map((entry) => [entry.address, entry.reason])).toEqual(stale);
    expect(error.message).toContain("nothing was applied");
    expect(writes(kinds).length).toBe(before);
  });

  it("a saved prune is refused when the leftover lost its ownership tags since", async () => {
    const { accounts, kinds, plan } = world();
    accounts.seed(accountId("rg-app", "old1"), liveAccount());
    const saved = serializePlan(await plan([], true));
    accounts.seed(accountId("rg-app", "old1"), { ...liveAccount(), tags: { "managed-by": "someone-else" } });
    await expect(applyPlan(parsePlan(JSON.parse(saved), "plan.json"), { kinds })).rejects.toThrow(
      /old1: changed in Azure since the plan was made/,
    );
    expect(accounts.store.has(accountId("rg-app", "old1"))).toBe(true);
  });

  it("a change to a server-computed property does not make a saved plan stale", async () => {
    const { accounts, kinds, plan } = world();
    await applyPlan(await plan(desired), { kinds });
    const saved = serializePlan(await plan(desired));
    const id = accountId("rg-app", "st1");
    const body = accounts.store.get(id) as { properties: WireObject };
    accounts.store.set(id, { ...body, properties: { ...body.properties, provisioningState: "Updating" } });
    await expect(applyPlan(parsePlan(JSON.parse(saved), "plan.json"), { kinds })).resolves.toMatchObject({
      failed: [],
    });
  });

  it("refuses a plan with problems and writes nothing", async () => {
    const { accounts, kinds, plan } = world();
    accounts.seed(accountId("rg-app", "st1"), accountProperties());
    const conflicted = await plan(desired);
    expect(conflicted.problems.length).toBeGreaterThan(0);
    await expect(applyPlan(conflicted, { kinds })).rejects.toThrow(PlanNotApplicableError);
    expect(writes(kinds)).toEqual([]);
  });

  it("prune deletes owned leftovers, children before their group, and nothing unowned", async () => {
    const { groups, accounts, kinds, plan } = world();
    await applyPlan(await plan(desired), { kinds });
    accounts.seed(accountId("rg-app", "brownfield"), accountProperties());
    const destroy = await plan([], true);
    expect(destroy.changes.map((change) => [change.name, change.action])).toEqual([
      ["rg-app", "delete"],
      ["st1", "delete"],
      ["st2", "delete"],
    ]);
    const events: ApplyProgressEvent[] = [];
    await applyPlan(destroy, { kinds, onProgress: (event) => events.push(event) });
    const order = events.map((event) => `${event.type} ${event.item.name}`);
    expect(order.indexOf("started rg-app")).toBeGreaterThan(order.indexOf("succeeded st1"));
    expect(order.indexOf("started rg-app")).toBeGreaterThan(order.indexOf("succeeded st2"));
    expect([...accounts.store.keys()]).toEqual([accountId("rg-app", "brownfield")]);
    expect(groups.store.size).toBe(0);
  });

  it("one failed account does not stop the others; every failure is returned", async () => {
    const { accounts, kinds, plan } = world();
    accounts.failing.add("st1");
    const names = ["st1", "st2", "st3", "st4"];
    const result = await applyPlan(await plan([desiredGroup("rg-app"), ...names.map((name) => desiredAccount(name))]), {
      kinds,
    });
    expect(result.failed.map((entry) => [entry.item.name, (entry.error as Error).message])).toEqual([
      ["st1", "ARM said no to st1"],
    ]);
    expect(result.succeeded.map((entry) => entry.item.name).sort()).toEqual(["rg-app", "st2", "st3", "st4"]);
    expect(result.failed.length).toBeGreaterThan(0);
  });

  it.each([1, 2, 5])("keeps at most %i writes in flight", async (concurrency) => {
    const { accounts, kinds, plan } = world();
    const many = Array.from({ length: 12 }, (_, index) => ({ ...desiredAccount(`st${index}`), dependsOn: [] }));
    await applyPlan(await plan(many), { kinds, concurrency });
    expect(accounts.maxInFlight).toBe(concurrency);
  });
});
