import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "../server/http-io.ts";
import type { Runtime } from "../server/runtime.ts";

/**
 * The GitHub Actions OIDC issuer: `GET /github/token?audience=` (ACTIONS_ID_TOKEN_REQUEST_URL, bearer
 * ACTIONS_ID_TOKEN_REQUEST_TOKEN) -> `{count, value}`, plus its openid-configuration and JWKS.
 */
export async function handleGithub(rt: Runtime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const path = url.pathname.replace(/\/+$/, "").toLowerCase();
  if (!path.startsWith("/github/")) return false;
  if (path === "/github/.well-known/openid-configuration") {
    sendJson(res, 200, {
      issuer: rt.githubIssuer,
      jwks_uri: `${rt.baseUrl}/github/.well-known/jwks`,
      subject_types_supported: ["public", "pairwise"],
      response_types_supported: ["id_token"],
      claims_supported: [
        "sub",
        "aud",
        "exp",
        "iat",
        "iss",
        "jti",
        "nbf",
        "ref",
        "repository",
        "repository_id",
        "repository_owner",
        "repository_owner_id",
        "run_id",
        "run_number",
        "run_attempt",
        "actor",
        "workflow",
        "event_name",
        "ref_type",
        "environment",
        "job_workflow_ref",
      ],
      id_token_signing_alg_values_supported: ["RS256"],
      scopes_supported: ["openid"],
    });
    return true;
  }
  if (path === "/github/.well-known/jwks") {
    sendJson(res, 200, { keys: [rt.tokens.githubKey.jwk] });
    return true;
  }
  if (path === "/github/token" && req.method === "GET") {
    if (req.headers.authorization !== `Bearer ${rt.githubRequestToken}`) {
      sendJson(res, 401, { message: "Unauthorized: the request token is missing or invalid." });
      return true;
    }
    const config = rt.state.config;
    const audience = url.searchParams.get("audience") ?? `https://github.com/${config.github.repositoryOwner}`;
    const value = await rt.tokens.issueGithubToken(
      rt.githubIssuer,
      config.github,
      audience,
      config.tokens.githubLifetimeSeconds,
    );
    sendJson(res, 200, { count: 1, value });
    return true;
  }
  return false;
}
