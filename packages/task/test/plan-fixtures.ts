import { PLAN_VERSION, type Plan, type PlanChange } from "@infra/plan";

export function change(
  task: string,
  address: string,
  action: PlanChange["action"],
  dependsOn: string[] = [],
): PlanChange {
  return {
    action,
    address,
    kind: `Test/${task}`,
    id: `/subscriptions/s/resourceGroups/rg/providers/Test/${address}`,
    name: address,
    task,
    dependsOn,
    properties: { location: "westeurope" },
    diff: action === "update" ? [{ path: "properties.x", before: 1, after: 2 }] : [],
    liveFingerprint: "f",
  };
}

export function plan(task: string, changes: PlanChange[], overrides: Partial<Plan> = {}): Plan {
  return {
    version: PLAN_VERSION,
    environment: "test",
    subscriptionId: "s",
    createdAt: "2026-11-26T06:00:00.000Z",
    prune: false,
    tasks: [task],
    changes,
    orphans: [],
    problems: [],
    ...overrides,
  };
}
