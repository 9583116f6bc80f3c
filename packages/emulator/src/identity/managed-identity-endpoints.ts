import type { IncomingMessage, ServerResponse } from "node:http";
import type { Principal } from "../arm/contract.ts";
import { parseForm, readBody, sendJson } from "../server/http-io.ts";
import type { Runtime } from "../server/runtime.ts";

function pickIdentity(rt: Runtime, params: URLSearchParams): Principal | undefined {
  const key =
    params.get("client_id") ??
    params.get("object_id") ??
    params.get("principal_id") ??
    params.get("mi_res_id") ??
    params.get("msi_res_id");
  if (key) {
    return (
      rt.state.principals.get(key) ??
      rt.state.principals.list().find((p) => p.resourceId?.toLowerCase() === key.toLowerCase())
    );
  }
  return rt.state.principals.get(rt.state.config.managedIdentity);
}

async function tokenBody(rt: Runtime, principal: Principal, resource: string): Promise<Record<string, unknown>> {
  const lifetime = rt.state.config.tokens.lifetimeSeconds;
  const now = Math.floor(Date.now() / 1000);
  const audience = resource.replace(/\/\.default$/, "");
  return {
    access_token: await rt.tokens.issueAccessToken(principal, audience, lifetime),
    client_id: principal.clientId,
    expires_in: String(lifetime),
    expires_on: String(now + lifetime),
    ext_expires_in: String(lifetime),
    not_before: String(now),
    resource: audience,
    token_type: "Bearer",
  };
}

/**
 * Managed identity token endpoints on the http listener: App Service (`/msi/token`, x-identity-header), Cloud Shell
 * (`POST /msi/cloudshell`, Metadata: true) and IMDS (`/metadata/identity/oauth2/token`, Metadata: true).
 */
export async function handleManagedIdentity(
  rt: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const path = url.pathname.replace(/\/+$/, "").toLowerCase();
  let params: URLSearchParams;
  if (path === "/msi/token") {
    if (req.headers["x-identity-header"] !== rt.identityHeader) {
      sendJson(res, 401, { statusCode: 401, message: "Unauthorized: the X-IDENTITY-HEADER is missing or invalid." });
      return true;
    }
    params = url.searchParams;
  } else if (path === "/msi/cloudshell" || path === "/metadata/identity/oauth2/token") {
    if (String(req.headers.metadata).toLowerCase() !== "true") {
      sendJson(res, 400, { error: "invalid_request", error_description: "Required metadata header not specified" });
      return true;
    }
    params = req.method === "POST" ? parseForm(await readBody(req)) : url.searchParams;
    for (const [k, v] of url.searchParams) if (!params.has(k)) params.set(k, v);
  } else {
    return false;
  }
  const resource = params.get("resource");
  if (!resource) {
    sendJson(res, 400, {
      error: "invalid_request",
      error_description: "Required query variable 'resource' is missing",
    });
    return true;
  }
  const principal = pickIdentity(rt, params);
  if (principal?.kind !== "ManagedIdentity") {
    sendJson(res, 400, { error: "invalid_request", error_description: "Identity not found" });
    return true;
  }
  sendJson(res, 200, await tokenBody(rt, principal, resource));
  return true;
}
