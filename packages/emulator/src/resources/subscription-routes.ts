import { type ArmContext, ArmError, type ArmRoute, type SubscriptionRecord } from "../arm/contract.ts";
import { ROLE_ASSIGNMENT_TYPE } from "../authorization/access-check.ts";

function render(s: SubscriptionRecord): Record<string, unknown> {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    authorizationSource: "RoleBased",
    managedByTenants: [],
    subscriptionId: s.subscriptionId,
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: {
      locationPlacementId: "Public_2014-09-01",
      quotaId: "PayAsYouGo_2014-09-01",
      spendingLimit: "Off",
    },
  };
}

/** Subscriptions the caller holds any role assignment in (what ARM lists for it). */
function visible(ctx: ArmContext): SubscriptionRecord[] {
  const oid = ctx.principal.objectId.toLowerCase();
  return [...ctx.subscriptions.values()].filter((s) => {
    if (s.tenantId.toLowerCase() !== ctx.principal.tenantId.toLowerCase()) return false;
    const page = ctx.store.list(
      { scope: `/subscriptions/${s.subscriptionId}`, type: ROLE_ASSIGNMENT_TYPE, recursive: true },
      undefined,
      1,
      (r) => String(r.properties?.principalId ?? "").toLowerCase() === oid,
    );
    return page.items.length > 0;
  });
}

function locations(ctx: ArmContext): Record<string, unknown>[] {
  return ctx.config.locations.map((name) => ({
    id: `/subscriptions/${ctx.params.subscriptionId}/locations/${name}`,
    name,
    type: "Region",
    displayName: name,
    regionalDisplayName: name,
    metadata: { regionType: "Physical", regionCategory: "Recommended" },
  }));
}

/** Tenants, subscriptions and locations (what `az login` and arm-resources-subscriptions read). */
export const subscriptionRoutes: ArmRoute[] = [
  {
    method: "GET",
    pattern: "/subscriptions",
    action: "",
    handle: (ctx) => ({
      status: 200,
      body: { value: visible(ctx).map(render), count: { type: "Total", value: visible(ctx).length } },
    }),
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}",
    action: "",
    handle(ctx) {
      const sub = visible(ctx).find((s) => s.subscriptionId.toLowerCase() === ctx.params.subscriptionId?.toLowerCase());
      if (!sub)
        throw new ArmError(
          404,
          "SubscriptionNotFound",
          `The subscription '${ctx.params.subscriptionId}' could not be found.`,
        );
      return { status: 200, body: render(sub) };
    },
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/locations",
    action: "",
    handle: (ctx) => ({ status: 200, body: { value: locations(ctx) } }),
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/providers/{namespace}",
    action: "",
    handle: (ctx) => ({
      status: 200,
      body: {
        id: `/subscriptions/${ctx.params.subscriptionId}/providers/${ctx.params.namespace}`,
        namespace: ctx.params.namespace,
        registrationState: "Registered",
        registrationPolicy: "RegistrationRequired",
        resourceTypes: [],
      },
    }),
  },
];
