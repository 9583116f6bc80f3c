import type { IncomingMessage, ServerResponse } from "node:http";
import { parseForm, readBody, sendJson } from "../server/http-io.ts";
import type { Runtime } from "../server/runtime.ts";
import { AadError, aad } from "./aad-error.ts";
import { exchangeToken } from "./token-endpoint.ts";

function openidConfiguration(rt: Runtime, tenant: string, authority: string): Record<string, unknown> {
  const issuer = tenant === "adfs" ? `${rt.baseUrl}/adfs` : rt.tokens.entraIssuer(tenant);
  return {
    issuer,
    authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
    token_endpoint: `${authority}/oauth2/v2.0/token`,
    device_authorization_endpoint: `${authority}/oauth2/v2.0/devicecode`,
    jwks_uri: `${authority}/discovery/v2.0/keys`,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "nbf", "tid", "oid"],
    tenant_region_scope: "NA",
    cloud_instance_name: "emulator.local",
  };
}

/**
 * Entra ID: `/{tenant}/v2.0/.well-known/openid-configuration`, JWKS, and the token endpoint (v2.0 and v1), plus the
 * `/adfs` authority form the Azure CLI uses to skip instance discovery. Returns false when the path is not ours.
 */
export async function handleEntra(rt: Runtime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const seg = url.pathname.split("/").filter((s) => s.length > 0);
  const tenant = seg[0];
  if (tenant === undefined || seg.length < 2) return false;
  const rest = seg.slice(1).join("/").toLowerCase();
  const known =
    tenant.toLowerCase() === "adfs" ||
    ["common", "organizations"].includes(tenant.toLowerCase()) ||
    rt.state.findTenant(tenant);
  const authority = `${rt.baseUrl}/${tenant}`;
  try {
    if (
      req.method === "GET" &&
      (rest === "v2.0/.well-known/openid-configuration" || rest === ".well-known/openid-configuration")
    ) {
      if (!known) throw aad.tenantNotFound(tenant);
      const tid = rt.state.findTenant(tenant)?.tenantId ?? tenant.toLowerCase();
      sendJson(res, 200, openidConfiguration(rt, tid, authority));
      return true;
    }
    if (req.method === "GET" && (rest === "discovery/v2.0/keys" || rest === "discovery/keys")) {
      sendJson(res, 200, { keys: [rt.tokens.entraKey.jwk] });
      return true;
    }
    if (req.method === "POST" && (rest === "oauth2/v2.0/token" || rest === "oauth2/token")) {
      const form = parseForm(await readBody(req));
      sendJson(res, 200, await exchangeToken(rt, tenant, form, rest === "oauth2/token" && !form.get("scope")), {
        "cache-control": "no-store, no-cache",
      });
      return true;
    }
  } catch (error) {
    if (!(error instanceof AadError)) throw error;
    sendJson(res, error.status, error.toBody());
    return true;
  }
  return false;
}

/** `GET /metadata/endpoints?api-version=2015-01-01`: what `az cloud register --endpoint-resource-manager` reads. */
export function metadataEndpoints(rt: Runtime): Record<string, unknown> {
  return {
    galleryEndpoint: `${rt.baseUrl}/`,
    graphEndpoint: "https://graph.windows.net/",
    portalEndpoint: `${rt.baseUrl}/`,
    authentication: {
      loginEndpoint: `${rt.baseUrl}/adfs`,
      audiences: ["https://management.core.windows.net/", "https://management.azure.com/"],
      tenant: "adfs",
      identityProvider: "ADFS",
    },
  };
}
