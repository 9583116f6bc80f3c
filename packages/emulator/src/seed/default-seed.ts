import type { ArmProvider, Principal } from "../arm/contract.ts";
import { ROLE_IDS } from "../authorization/built-in-roles.ts";
import { roleAssignmentResource } from "../authorization/role-assignment-resource.ts";
import type { EmulatorState } from "../state/emulator-state.ts";
import { GITHUB_AUDIENCE, GITHUB_ISSUER, SEED } from "./seed-ids.ts";

function principal(
  p: Omit<Principal, "tenantId" | "secrets" | "federatedCredentials"> & Partial<Principal>,
): Principal {
  return { tenantId: SEED.tenantId, secrets: [], federatedCredentials: [], ...p };
}

/** The documented default world (README "Default seed"); providers add their part through `seed()`. */
export function applyDefaultSeed(state: EmulatorState, providers: readonly ArmProvider[]): void {
  state.addTenant({ tenantId: SEED.tenantId, displayName: "Acme (emulated)", defaultDomain: "acme.onmicrosoft.com" });
  state.addSubscription({
    subscriptionId: SEED.subscription1,
    tenantId: SEED.tenantId,
    displayName: "acme-prod",
    state: "Enabled",
  });
  state.addSubscription({
    subscriptionId: SEED.subscription2,
    tenantId: SEED.tenantId,
    displayName: "acme-dev",
    state: "Enabled",
  });
  state.principals.add(
    principal({
      name: "ops",
      kind: "ServicePrincipal",
      displayName: "ops",
      ...pick(SEED.ops),
      secrets: [SEED.ops.secret],
    }),
  );
  state.principals.add(
    principal({
      name: "auditor",
      kind: "ServicePrincipal",
      displayName: "auditor",
      ...pick(SEED.auditor),
      secrets: [SEED.auditor.secret],
    }),
  );
  state.principals.add(
    principal({
      name: "github",
      kind: "ServicePrincipal",
      displayName: "github-deploy",
      ...pick(SEED.github),
      federatedCredentials: [
        { name: "prod", issuer: GITHUB_ISSUER, subject: SEED.github.subject, audiences: [GITHUB_AUDIENCE] },
      ],
    }),
  );
  state.principals.add(
    principal({ name: "workload", kind: "ManagedIdentity", displayName: "workload", ...pick(SEED.workload) }),
  );

  const sub1 = `/subscriptions/${SEED.subscription1}`;
  const sub2 = `/subscriptions/${SEED.subscription2}`;
  const assignments: [string, string, string, string][] = [
    [sub1, "a0000000-0000-4000-8000-000000000001", SEED.ops.objectId, ROLE_IDS.owner],
    [sub2, "a0000000-0000-4000-8000-000000000002", SEED.ops.objectId, ROLE_IDS.owner],
    [sub1, "a0000000-0000-4000-8000-000000000003", SEED.auditor.objectId, ROLE_IDS.reader],
    [sub2, "a0000000-0000-4000-8000-000000000004", SEED.auditor.objectId, ROLE_IDS.reader],
    [sub1, "a0000000-0000-4000-8000-000000000005", SEED.github.objectId, ROLE_IDS.contributor],
    [sub1, "a0000000-0000-4000-8000-000000000006", SEED.github.objectId, ROLE_IDS.userAccessAdministrator],
    [sub1, "a0000000-0000-4000-8000-000000000007", SEED.workload.objectId, ROLE_IDS.reader],
  ];
  for (const [scope, name, principalId, roleDefinitionGuid] of assignments) {
    state.store.put(roleAssignmentResource({ scope, name, principalId, roleDefinitionGuid }));
  }
  state.store.put({
    id: `${sub1}/resourceGroups/${SEED.legacyResourceGroup}`,
    name: SEED.legacyResourceGroup,
    type: "Microsoft.Resources/resourceGroups",
    location: SEED.location,
    tags: { owner: "someone-who-left" },
    properties: { provisioningState: "Succeeded" },
  });
  const ids = {
    tenantId: SEED.tenantId,
    subscription1: SEED.subscription1,
    subscription2: SEED.subscription2,
    legacyResourceGroup: SEED.legacyResourceGroup,
    location: SEED.location,
  };
  for (const provider of providers) provider.seed?.({ store: state.store, principals: state.principals, ids });
}

function pick(p: { clientId: string; objectId: string }): { clientId: string; objectId: string } {
  return { clientId: p.clientId, objectId: p.objectId };
}
