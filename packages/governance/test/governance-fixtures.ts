import {
  type ArmResource,
  type AuditedResource,
  evaluateRule,
  type Finding,
  type Rule,
  readable,
} from "@infra/audit/rules";
import { type GovernanceAuditContext, governanceAuditContext } from "../src/governance-audit-context.ts";

export const SUBSCRIPTION_ID = "/subscriptions/00000000-0000-0000-0000-000000000001";
export const GROUP_ID = `${SUBSCRIPTION_ID}/resourceGroups/rg-prod-data`;
export const OWNED = { "managed-by": "azure-infra-ops", environment: "prod", task: "storage" };

export const context = governanceAuditContext({ now: new Date("2026-11-26T12:00:00Z") });

/** Shaped like GET /subscriptions/{id}/resourcegroups/{name} (2025-04-01). */
export function resourceGroup(tags: Record<string, string> = {}, location = "westeurope"): ArmResource {
  return {
    id: GROUP_ID,
    name: "rg-prod-data",
    type: "Microsoft.Resources/resourceGroups",
    location,
    tags,
    properties: { provisioningState: "Succeeded" },
  };
}

/** GET /subscriptions/{id} has no `type`; the collector adds it. */
export function subscription(): ArmResource {
  return {
    id: SUBSCRIPTION_ID,
    name: "Production",
    type: "Microsoft.Resources/subscriptions",
    subscriptionId: "00000000-0000-0000-0000-000000000001",
    displayName: "Production",
    state: "Enabled",
  };
}

/** An entry of the generic resources list. */
export function genericResource(name: string, tags?: Record<string, string>, location = "westeurope"): ArmResource {
  return {
    id: `${GROUP_ID}/providers/Microsoft.Storage/storageAccounts/${name}`,
    name,
    type: "Microsoft.Storage/storageAccounts",
    location,
    ...(tags === undefined ? {} : { tags }),
  };
}

/** Shaped like RoleAssignments_ListForScope (2022-04-01). */
export function roleAssignment(roleGuid: string, principalType: string, scope: string, index = 0): unknown {
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/b0f43c54-e787-4862-89b1-a653fa9cf7${String(index).padStart(2, "0")}`,
    name: `b0f43c54-e787-4862-89b1-a653fa9cf7${String(index).padStart(2, "0")}`,
    type: "Microsoft.Authorization/roleAssignments",
    properties: {
      roleDefinitionId: `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`,
      principalId: `ce2ce14e-85d7-4629-bdbc-454d0519d9${String(index).padStart(2, "0")}`,
      principalType,
      scope,
    },
  };
}

export function run(
  rule: Rule<GovernanceAuditContext>,
  resource: ArmResource,
  related: Record<string, unknown> = {},
  overrides: Partial<GovernanceAuditContext> = {},
): Finding {
  const audited: AuditedResource = {
    resource,
    related: Object.fromEntries(
      Object.entries(related).map(([name, value]) => [
        name,
        (value as { status?: unknown })?.status === "unreadable"
          ? (value as ReturnType<typeof readable>)
          : readable(value),
      ]),
    ),
  };
  return evaluateRule(rule, audited, { ...context, ...overrides });
}
