import { randomUUID } from "node:crypto";
import { type JWTPayload, jwtVerify, SignJWT } from "jose";
import type { GithubRunClaims, Principal } from "../arm/contract.ts";
import type { SigningKey } from "./signing-keys.ts";

/** Audiences ARM accepts (az asks for `https://management.core.windows.net//.default`). */
export function isArmAudience(aud: string, baseUrl: string): boolean {
  const a = aud.replace(/\/+$/, "").toLowerCase();
  return (
    a === "https://management.azure.com" ||
    a === "https://management.core.windows.net" ||
    a === baseUrl.toLowerCase().replace(/\/+$/, "")
  );
}

export interface AccessTokenClaims extends JWTPayload {
  tid: string;
  oid: string;
  appid: string;
  azp: string;
  idtyp: string;
}

export class InvalidTokenError extends Error {
  readonly expired: boolean;
  constructor(message: string, expired: boolean) {
    super(message);
    this.name = "InvalidTokenError";
    this.expired = expired;
  }
}

/** Signs and verifies the emulator's Entra access tokens and its GitHub Actions ID tokens. */
export class TokenIssuer {
  readonly #verified = new Map<string, AccessTokenClaims>();

  readonly entraKey: SigningKey;
  readonly githubKey: SigningKey;
  readonly baseUrl: string;

  constructor(entraKey: SigningKey, githubKey: SigningKey, baseUrl: string) {
    this.entraKey = entraKey;
    this.githubKey = githubKey;
    this.baseUrl = baseUrl;
  }

  entraIssuer(tenantId: string): string {
    return `${this.baseUrl}/${tenantId}/v2.0`;
  }

  async issueAccessToken(principal: Principal, audience: string, lifetimeSeconds: number): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      tid: principal.tenantId,
      oid: principal.objectId,
      sub: principal.objectId,
      appid: principal.clientId,
      azp: principal.clientId,
      appidacr: "1",
      idtyp: principal.kind === "User" ? "user" : "app",
      ver: "2.0",
      uti: randomUUID().replaceAll("-", ""),
    };
    if (principal.resourceId) claims.xms_mirid = principal.resourceId;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: this.entraKey.kid })
      .setIssuer(this.entraIssuer(principal.tenantId))
      .setAudience(audience)
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(this.entraKey.privateKey);
  }

  /** Verifies an ARM bearer token; cached per token so hot loops cost one Map lookup. */
  async verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    const cached = this.#verified.get(token);
    const now = Math.floor(Date.now() / 1000);
    if (cached) {
      if ((cached.exp ?? 0) <= now) throw new InvalidTokenError("The token is expired", true);
      return cached;
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.entraKey.publicKey, { algorithms: ["RS256"], clockTolerance: 0 }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "ERR_JWT_EXPIRED") throw new InvalidTokenError("The token is expired", true);
      throw new InvalidTokenError("The access token is invalid.", false);
    }
    const aud = typeof payload.aud === "string" ? payload.aud : (payload.aud?.[0] ?? "");
    if (!isArmAudience(aud, this.baseUrl)) {
      throw new InvalidTokenError(`The access token has been obtained for wrong audience or resource '${aud}'.`, false);
    }
    const claims = payload as AccessTokenClaims;
    if (this.#verified.size > 5000) this.#verified.clear();
    this.#verified.set(token, claims);
    return claims;
  }

  /** A GitHub Actions OIDC ID token for the configured run (the `sub` forms GitHub really emits). */
  async issueGithubToken(
    issuer: string,
    run: GithubRunClaims,
    audience: string,
    lifetimeSeconds: number,
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...githubClaims(run), sub: githubSubject(run) })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: this.githubKey.kid, x5t: this.githubKey.kid })
      .setJti(randomUUID())
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(this.githubKey.privateKey);
  }
}

/** `repo:OWNER/REPO:environment:NAME`, `:pull_request`, `:ref:REF`; with ids: `repo:OWNER@ID/REPO@ID:...`. */
export function githubSubject(run: GithubRunClaims): string {
  const repoName = run.repository.split("/")[1] ?? run.repository;
  const repo =
    run.repositoryOwnerId && run.repositoryId
      ? `${run.repositoryOwner}@${run.repositoryOwnerId}/${repoName}@${run.repositoryId}`
      : run.repository;
  if (run.environment) return `repo:${repo}:environment:${run.environment}`;
  if (run.eventName === "pull_request") return `repo:${repo}:pull_request`;
  return `repo:${repo}:ref:${run.ref}`;
}

function githubClaims(run: GithubRunClaims): Record<string, unknown> {
  const claims: Record<string, unknown> = {
    ref: run.ref,
    sha: run.sha,
    repository: run.repository,
    repository_owner: run.repositoryOwner,
    run_id: run.runId,
    run_number: run.runId.slice(-3),
    run_attempt: run.runAttempt,
    actor: run.actor,
    workflow: run.workflow,
    event_name: run.eventName,
    ref_type: run.ref.startsWith("refs/tags/") ? "tag" : "branch",
    job_workflow_ref: run.jobWorkflowRef,
    runner_environment: "github-hosted",
  };
  if (run.environment) claims.environment = run.environment;
  if (run.repositoryId) claims.repository_id = run.repositoryId;
  if (run.repositoryOwnerId) claims.repository_owner_id = run.repositoryOwnerId;
  return claims;
}
