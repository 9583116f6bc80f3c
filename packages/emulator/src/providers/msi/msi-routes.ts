import type { ArmContext, ArmResource, ArmRoute } from "../../arm/contract.ts";
import { ArmError } from "../../arm/contract.ts";
import { validateLocation } from "../../resources/location-validation.ts";
import { validateTags } from "../../resources/tag-validation.ts";
import {
  buildFederatedCredential,
  duplicateCredential,
  FEDERATED_CREDENTIAL_TYPE,
  federatedCredentialId,
  MAX_FEDERATED_CREDENTIALS,
  tooManyCredentials,
} from "./federated-identity-credential.ts";
import { isRecord } from "./json-record.ts";
import {
  buildIdentity,
  IDENTITY_TYPE,
  identityId,
  identityPrincipal,
  identityView,
  parseIdentityPut,
} from "./user-assigned-identity.ts";

const GROUP = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}";
const IDENTITIES = `${GROUP}/providers/Microsoft.ManagedIdentity/userAssignedIdentities`;
const IDENTITY = `${IDENTITIES}/{resourceName}`;
const CREDENTIALS = `${IDENTITY}/federatedIdentityCredentials`;
const CREDENTIAL = `${CREDENTIALS}/{federatedIdentityCredentialResourceName}`;
const ACTION = "Microsoft.ManagedIdentity/userAssignedIdentities";

function idOf(ctx: ArmContext): string {
  const { subscriptionId, resourceGroupName, resourceName } = ctx.params;
  const group = ctx.store.get(`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}`);
  return identityId(String(subscriptionId), group?.name ?? String(resourceGroupName), String(resourceName));
}

function requireIdentity(ctx: ArmContext): ArmResource {
  const identity = ctx.store.get(idOf(ctx));
  if (!identity) {
    throw new ArmError(
      404,
      "ResourceNotFound",
      `The Resource '${IDENTITY_TYPE}/${ctx.params.resourceName}' under resource group '${ctx.params.resourceGroupName}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );
  }
  return identity;
}

function tenantOf(ctx: ArmContext): string {
  return ctx.subscriptions.get(String(ctx.params.subscriptionId).toLowerCase())?.tenantId ?? ctx.principal.tenantId;
}

/** The resources of the identity's subscription that have it among their user-assigned identities. */
function associatedResources(ctx: ArmContext, identity: ArmResource): Record<string, unknown>[] {
  const subscriptionId = String(ctx.params.subscriptionId);
  const subscription = ctx.subscriptions.get(subscriptionId.toLowerCase());
  const uses = (resource: ArmResource) => {
    const assigned = isRecord(resource.identity) ? resource.identity.userAssignedIdentities : undefined;
    return isRecord(assigned) && Object.keys(assigned).some((id) => id.toLowerCase() === identity.id.toLowerCase());
  };
  const out: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = ctx.store.list({ scope: `/subscriptions/${subscriptionId}` }, cursor, 1000, uses);
    for (const r of page.items) {
      out.push({
        id: r.id,
        name: r.name,
        type: r.type,
        resourceGroup: r.id.split("/")[4],
        subscriptionId,
        subscriptionDisplayName: subscription?.displayName ?? subscriptionId,
      });
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  return out;
}

const identityRoutes: ArmRoute[] = [
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities",
    action: `${ACTION}/read`,
    handle: (ctx) =>
      ctx.page({ scope: `/subscriptions/${ctx.params.subscriptionId}`, type: IDENTITY_TYPE, recursive: true }, (r) =>
        identityView(r, ctx.apiVersion),
      ),
  },
  {
    method: "GET",
    pattern: IDENTITIES,
    action: `${ACTION}/read`,
    handle: (ctx) =>
      ctx.page(
        {
          scope: `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}`,
          type: IDENTITY_TYPE,
        },
        (r) => identityView(r, ctx.apiVersion),
      ),
  },
  {
    method: "PUT",
    pattern: IDENTITY,
    action: `${ACTION}/write`,
    handle(ctx) {
      const request = parseIdentityPut(ctx.body);
      validateLocation(ctx.config, request.location, IDENTITY_TYPE);
      const id = idOf(ctx);
      const existing = ctx.store.get(id);
      const identity = buildIdentity(id, String(ctx.params.resourceName), request, tenantOf(ctx), existing);
      ctx.store.put(identity);
      ctx.principals.add(identityPrincipal(identity));
      return { status: existing ? 200 : 201, body: identityView(identity, ctx.apiVersion) };
    },
  },
  {
    method: "GET",
    pattern: IDENTITY,
    action: `${ACTION}/read`,
    handle: (ctx) => ({ status: 200, body: identityView(requireIdentity(ctx), ctx.apiVersion) }),
  },
  {
    method: "PATCH",
    pattern: IDENTITY,
    action: `${ACTION}/write`,
    handle(ctx) {
      const identity = requireIdentity(ctx);
      const tags = validateTags(isRecord(ctx.body) ? ctx.body.tags : undefined);
      const next = tags === undefined ? identity : { ...identity, tags };
      ctx.store.put(next);
      return { status: 200, body: identityView(next, ctx.apiVersion) };
    },
  },
  {
    method: "POST",
    pattern: `${IDENTITY}/listAssociatedResources`,
    action: `${ACTION}/listAssociatedResources/action`,
    handle(ctx) {
      const value = associatedResources(ctx, requireIdentity(ctx));
      return { status: 200, body: { totalCount: value.length, value } };
    },
  },
  {
    // Azure revokes the tokens already issued to the identity; the emulator answers the same but does not track them.
    method: "POST",
    pattern: `${IDENTITY}/revokeTokens`,
    action: `${ACTION}/revokeTokens/action`,
    handle(ctx) {
      requireIdentity(ctx);
      return { status: 200 };
    },
  },
  {
    method: "DELETE",
    pattern: IDENTITY,
    action: `${ACTION}/delete`,
    handle(ctx) {
      const identity = ctx.store.get(idOf(ctx));
      if (!identity) return { status: 204 };
      ctx.store.delete(identity.id);
      ctx.principals.remove(String(identity.properties?.clientId));
      return { status: 200 };
    },
  },
];

const credentialRoutes: ArmRoute[] = [
  {
    method: "GET",
    pattern: CREDENTIALS,
    action: `${ACTION}/federatedIdentityCredentials/read`,
    handle: (ctx) => ctx.page({ scope: requireIdentity(ctx).id, type: FEDERATED_CREDENTIAL_TYPE }),
  },
  {
    method: "PUT",
    pattern: CREDENTIAL,
    action: `${ACTION}/federatedIdentityCredentials/write`,
    handle(ctx) {
      const identity = requireIdentity(ctx);
      const name = String(ctx.params.federatedIdentityCredentialResourceName);
      const credential = buildFederatedCredential(identity.id, name, ctx.body);
      const siblings = ctx.store.list(
        { scope: identity.id, type: FEDERATED_CREDENTIAL_TYPE },
        undefined,
        MAX_FEDERATED_CREDENTIALS + 1,
      ).items;
      const others = siblings.filter((s) => s.name.toLowerCase() !== name.toLowerCase());
      const clash = others.find(
        (s) =>
          s.properties?.issuer === credential.properties?.issuer &&
          s.properties?.subject === credential.properties?.subject,
      );
      if (clash && credential.properties?.subject !== undefined) throw duplicateCredential(clash.name);
      const exists = others.length !== siblings.length;
      if (!exists && others.length >= MAX_FEDERATED_CREDENTIALS) throw tooManyCredentials(identity.name);
      ctx.store.put(credential);
      return { status: exists ? 200 : 201, body: credential };
    },
  },
  {
    method: "GET",
    pattern: CREDENTIAL,
    action: `${ACTION}/federatedIdentityCredentials/read`,
    handle(ctx) {
      const identity = requireIdentity(ctx);
      const name = String(ctx.params.federatedIdentityCredentialResourceName);
      const credential = ctx.store.get(federatedCredentialId(identity.id, name));
      if (!credential) {
        throw new ArmError(
          404,
          "NotFound",
          `The federated identity credential '${name}' was not found on identity '${identity.name}'.`,
        );
      }
      return { status: 200, body: credential };
    },
  },
  {
    method: "DELETE",
    pattern: CREDENTIAL,
    action: `${ACTION}/federatedIdentityCredentials/delete`,
    handle(ctx) {
      const identity = requireIdentity(ctx);
      const id = federatedCredentialId(identity.id, String(ctx.params.federatedIdentityCredentialResourceName));
      return { status: ctx.store.delete(id) ? 200 : 204 };
    },
  },
];

export const msiRoutes: ArmRoute[] = [...identityRoutes, ...credentialRoutes];
