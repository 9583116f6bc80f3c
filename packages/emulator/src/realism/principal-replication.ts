import type { ArmContext } from "../arm/contract.ts";
import type { MemoryPrincipalRegistry } from "../arm/principal-registry.ts";
import { principalNotFound } from "../authorization/role-assignment-routes.ts";
import type { RealismSettings } from "./azure-profile.ts";
import type { RealismVerdict } from "./realism-verdict.ts";

/**
 * `principalType` values ARM takes on trust, skipping its directory lookup, and the api-version from which it does
 * (Microsoft's RBAC troubleshooting guide, "Assigning a role to a new principal sometimes fails", Solution 1).
 * A group is not in that table: for a new group the guide's advice is to wait.
 */
const TRUSTED_PRINCIPAL_TYPES: Readonly<Record<string, string>> = {
  serviceprincipal: "2018-09-01",
  user: "2020-03-01",
};

/** Whether ARM skips the directory lookup for this create (a trusted principalType at a recent enough api-version). */
export function skipsDirectoryLookup(principalType: unknown, apiVersion: string): boolean {
  if (typeof principalType !== "string") return false;
  const since = TRUSTED_PRINCIPAL_TYPES[principalType.toLowerCase()];
  return since !== undefined && apiVersion.slice(0, 10) >= since;
}

/**
 * A role assignment create for a principal younger than the replication delay answers ARM's PrincipalNotFound, unless
 * its principalType lets ARM skip the lookup. Undefined when the principal has replicated (or is unknown: the route
 * itself answers that).
 */
export function checkPrincipalReplicated(
  ctx: ArmContext,
  principals: MemoryPrincipalRegistry,
  settings: Pick<RealismSettings, "principalReplicationMs" | "principalTypeSkipsLookup">,
  now: number,
): RealismVerdict | undefined {
  const props = (ctx.body as { properties?: { principalId?: unknown; principalType?: unknown } } | undefined)
    ?.properties;
  const principalId = typeof props?.principalId === "string" ? props.principalId : "";
  const addedAt = principals.addedAt(principalId);
  if (addedAt === undefined) return undefined;
  const left = addedAt + settings.principalReplicationMs - now;
  if (left <= 0) return undefined;
  if (settings.principalTypeSkipsLookup && skipsDirectoryLookup(props?.principalType, ctx.apiVersion)) {
    return {
      note: `principalType ${String(props?.principalType)} skips the lookup; principal replicates in ${left} ms`,
    };
  }
  return {
    note: `principal replicates in ${left} ms`,
    error: principalNotFound(principalId, ctx.principal.tenantId),
  };
}
