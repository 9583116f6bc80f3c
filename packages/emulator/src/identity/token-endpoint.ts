import { decodeJwt, jwtVerify } from "jose";
import type { Principal } from "../arm/contract.ts";
import type { Runtime } from "../server/runtime.ts";
import { AadError, aad } from "./aad-error.ts";
import { federatedCredentialsOf, matchesFederatedCredential } from "./federated-match.ts";

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const TENANT_ALIASES = new Set(["adfs", "common", "organizations"]);

/** `POST /{tenant}/oauth2/v2.0/token` and `/oauth2/token` (v1, `resource`): client credentials only. */
export async function exchangeToken(
  rt: Runtime,
  tenantSegment: string,
  form: URLSearchParams,
  v1: boolean,
): Promise<Record<string, unknown>> {
  const grant = form.get("grant_type") ?? "";
  if (grant !== "client_credentials") throw aad.unsupportedGrant(grant);
  const alias = TENANT_ALIASES.has(tenantSegment.toLowerCase());
  const tenant = alias ? undefined : rt.state.findTenant(tenantSegment);
  if (!alias && !tenant) throw aad.tenantNotFound(tenantSegment);
  const clientId = form.get("client_id") ?? "";
  const principal = rt.state.principals.get(clientId);
  const tenantId = tenant?.tenantId ?? principal?.tenantId ?? tenantSegment;
  if (
    !principal ||
    principal.clientId.toLowerCase() !== clientId.toLowerCase() ||
    principal.tenantId.toLowerCase() !== tenantId.toLowerCase()
  ) {
    throw aad.appNotFound(clientId, tenantId);
  }
  const secret = form.get("client_secret");
  const assertion = form.get("client_assertion");
  if (secret !== null) {
    if (!principal.secrets.includes(secret)) throw aad.invalidSecret(clientId);
  } else if (assertion !== null && form.get("client_assertion_type") === JWT_BEARER) {
    await verifyAssertion(rt, principal, assertion);
  } else {
    throw aad.missingCredential();
  }
  const audience = audienceOf(form, v1);
  const lifetime = rt.state.config.tokens.lifetimeSeconds;
  const accessToken = await rt.tokens.issueAccessToken(principal, audience, lifetime);
  const now = Math.floor(Date.now() / 1000);
  const body: Record<string, unknown> = {
    token_type: "Bearer",
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: accessToken,
  };
  if (v1) Object.assign(body, { expires_on: String(now + lifetime), not_before: String(now), resource: audience });
  return body;
}

function audienceOf(form: URLSearchParams, v1: boolean): string {
  const resource = form.get("resource");
  if (v1 && resource) return resource;
  const scope = (form.get("scope") ?? resource ?? "").split(" ").find((s) => s.endsWith("/.default"));
  if (!scope) throw aad.invalidScope(form.get("scope") ?? "");
  return scope.slice(0, -"/.default".length);
}

async function verifyAssertion(rt: Runtime, principal: Principal, assertion: string): Promise<void> {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(assertion);
  } catch {
    throw aad.invalidAssertion("The assertion is not a JWT.");
  }
  const now = Math.floor(Date.now() / 1000);
  const exp = typeof claims.exp === "number" ? claims.exp : undefined;
  const nbf = typeof claims.nbf === "number" ? claims.nbf : undefined;
  if (exp === undefined || exp <= now || (nbf !== undefined && nbf > now + 300))
    throw aad.assertionTimeRange(now, nbf, exp);
  const key =
    claims.iss === rt.githubIssuer
      ? rt.tokens.githubKey.publicKey
      : typeof claims.iss === "string" && claims.iss.startsWith(rt.baseUrl)
        ? rt.tokens.entraKey.publicKey
        : undefined;
  if (!key) throw aad.noMatchingFederatedIdentity(String(claims.iss), String(claims.sub), String(claims.aud));
  try {
    await jwtVerify(assertion, key, { algorithms: ["RS256"] });
  } catch (error) {
    if (error instanceof AadError) throw error;
    throw aad.invalidAssertion("The signature does not match the issuer's signing keys.");
  }
  const fics = federatedCredentialsOf(principal, rt.state.store);
  if (!fics.some((f) => matchesFederatedCredential(f, claims))) {
    throw aad.noMatchingFederatedIdentity(String(claims.iss), String(claims.sub), String(claims.aud));
  }
}
