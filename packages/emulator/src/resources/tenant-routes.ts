import type { ArmRoute } from "../arm/contract.ts";
import type { EmulatorState } from "../state/emulator-state.ts";

/** `GET /tenants`: the caller's home tenant (the Azure CLI reads it at login). */
export function tenantRoutes(state: EmulatorState): ArmRoute[] {
  return [
    {
      method: "GET",
      pattern: "/tenants",
      action: "",
      handle(ctx) {
        const tenant = state.findTenant(ctx.principal.tenantId);
        const value = tenant
          ? [
              {
                id: `/tenants/${tenant.tenantId}`,
                tenantId: tenant.tenantId,
                tenantCategory: "Home",
                countryCode: "US",
                displayName: tenant.displayName,
                domains: [tenant.defaultDomain],
                defaultDomain: tenant.defaultDomain,
                tenantType: "AAD",
              },
            ]
          : [];
        return { status: 200, body: { value } };
      },
    },
  ];
}
