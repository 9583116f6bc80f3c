import { randomUUID } from "node:crypto";
import { ArmError, type ArmResource, type Principal } from "../../arm/contract.ts";
import { validateTags } from "../../resources/tag-validation.ts";
import { isRecord } from "./json-record.ts";

export const IDENTITY_TYPE = "Microsoft.ManagedIdentity/userAssignedIdentities";

/** Microsoft.ManagedIdentity spells `resourcegroups` in lowercase in the ids it returns. */
export function identityId(subscriptionId: string, resourceGroup: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourcegroups/${resourceGroup}/providers/${IDENTITY_TYPE}/${name}`;
}

export interface IdentityRequest {
  location: string;
  tags: Record<string, string> | undefined;
}

export function parseIdentityPut(body: unknown): IdentityRequest {
  if (!isRecord(body) || typeof body.location !== "string" || body.location.length === 0) {
    throw new ArmError(400, "LocationRequired", "The location property is required for this definition.");
  }
  return { location: body.location.toLowerCase().replace(/\s+/g, ""), tags: validateTags(body.tags) };
}

/** A new identity, or the existing one with new location/tags: the principal behind it never changes. */
export function buildIdentity(
  id: string,
  name: string,
  request: IdentityRequest,
  tenantId: string,
  existing: ArmResource | undefined,
): ArmResource {
  const before = existing?.properties ?? {};
  return {
    id,
    name,
    type: IDENTITY_TYPE,
    location: request.location,
    tags: request.tags ?? {},
    properties: {
      tenantId: typeof before.tenantId === "string" ? before.tenantId : tenantId,
      principalId: typeof before.principalId === "string" ? before.principalId : randomUUID(),
      clientId: typeof before.clientId === "string" ? before.clientId : randomUUID(),
    },
  };
}

/** `isolationScope` is reported from api-version 2024-11-30 on; older versions do not know it. */
export function identityView(identity: ArmResource, apiVersion: string): ArmResource {
  if (apiVersion < "2024-11-30") return identity;
  return { ...identity, properties: { ...identity.properties, isolationScope: "None" } };
}

/** The principal the token endpoint knows for this identity (federated credentials are read from its children). */
export function identityPrincipal(identity: ArmResource): Principal {
  const properties = identity.properties ?? {};
  return {
    name: identity.id.toLowerCase(),
    kind: "ManagedIdentity",
    displayName: identity.name,
    tenantId: String(properties.tenantId),
    clientId: String(properties.clientId),
    objectId: String(properties.principalId),
    secrets: [],
    federatedCredentials: [],
    resourceId: identity.id,
  };
}
