import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { authorizationFailed, isAllowed, isAllowedBelow } from "../authorization/access-check.ts";
import { enforceLocks } from "../authorization/lock-check.ts";
import { InvalidTokenError } from "../identity/token-issuer.ts";
import { readBody, sendJson } from "../server/http-io.ts";
import type { RequestRecord, Runtime } from "../server/runtime.ts";
import {
  type ArmContext,
  ArmError,
  type ArmResource,
  type ArmResult,
  type HttpMethod,
  type Principal,
} from "./contract.ts";
import { errorEnvelope } from "./error-envelope.ts";
import { buildPage } from "./paging.ts";
import { idKey } from "./resource-id.ts";
import { kindOf } from "./throttling.ts";

const METHODS = new Set(["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"]);

/** The ARM front door: auth, api-version, routing, scope checks, throttling, RBAC, locks, LRO, paging, errors. */
export async function handleArm(
  rt: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  rec: RequestRecord,
): Promise<void> {
  const headers: Record<string, string> = {
    "x-ms-request-id": rec.requestId,
    "x-ms-correlation-request-id": headerValue(req, "x-ms-correlation-request-id") ?? rec.requestId,
    "x-ms-routing-request-id": `LOCAL:${rec.requestId}`,
    "cache-control": "no-cache",
  };
  const method = (req.method ?? "GET").toUpperCase() as HttpMethod;
  const omitBody = method === "HEAD";
  try {
    const result = await dispatch(rt, req, method, url, rec, headers);
    if (rt.state.config.latencyMs > 0) await sleep(rt.state.config.latencyMs);
    sendJson(res, result.status, result.body, { ...headers, ...(result.headers ?? {}) }, omitBody);
  } catch (error) {
    // The caller went away mid-request (a killed client): nobody to answer, and nothing wrong with the emulator.
    // (Not `req.destroyed`: a request is destroyed once its body has been read, on every healthy call too.)
    if (req.socket.destroyed || res.destroyed) return;
    const armError =
      error instanceof ArmError ? error : new ArmError(500, "InternalServerError", `Emulator error: ${String(error)}`);
    if (!(error instanceof ArmError)) console.error("emulator => arm =>", error);
    sendJson(res, armError.status, errorEnvelope(armError), { ...headers, ...(armError.headers ?? {}) }, omitBody);
  }
}

async function dispatch(
  rt: Runtime,
  req: IncomingMessage,
  method: HttpMethod,
  url: URL,
  rec: RequestRecord,
  headers: Record<string, string>,
): Promise<ArmResult> {
  const { state } = rt;
  const principal = await authenticate(rt, req);
  rec.principal = principal.name;
  const apiVersion = url.searchParams.get("api-version");
  if (!apiVersion) {
    throw new ArmError(
      400,
      "MissingApiVersionParameter",
      "The api-version query parameter (?api-version=) is required for all requests.",
    );
  }
  // An empty path parameter (arm-locks' `parentResourcePath: ""`) gives `//`; ARM reads it as one separator.
  const path =
    decodeURIComponent(url.pathname)
      .replace(/\/{2,}/g, "/")
      .replace(/\/+$/, "") || "/";
  const segments = path.split("/").filter((s) => s.length > 0);
  const match = METHODS.has(method) ? rt.routes.match(method, segments) : undefined;
  if (!match) throw noRoute(segments, apiVersion);
  const { route, params } = match;

  const subscriptionId = params.subscriptionId;
  if (subscriptionId !== undefined && !route.skipScopeChecks) {
    const sub = state.subscriptions.get(subscriptionId.toLowerCase());
    if (!sub || sub.tenantId.toLowerCase() !== principal.tenantId.toLowerCase()) {
      throw new ArmError(404, "SubscriptionNotFound", `The subscription '${subscriptionId}' could not be found.`);
    }
  }

  const throttling = state.config.throttling;
  if (throttling.enabled) {
    const kind = kindOf(method);
    const decision = rt.throttler.take(throttling, `${subscriptionId ?? "tenant"}|${principal.objectId}`, kind);
    const header = `x-ms-ratelimit-remaining-${subscriptionId ? "subscription" : "tenant"}-${kind}`;
    headers[header] = String(decision.remaining);
    if (!decision.allowed) {
      throw new ArmError(
        429,
        "SubscriptionRequestsThrottled",
        `Number of '${kind}' requests for subscription '${subscriptionId ?? ""}' actor '${principal.objectId}' exceeded. Please try again after '${decision.retryAfterSeconds}' seconds after the first request. The throttled requests are counted per subscription and actor.`,
        { headers: { "retry-after": String(decision.retryAfterSeconds) } },
      );
    }
  }

  let visible: ((resource: ArmResource) => boolean) | undefined;
  const effective = rt.realism.assignmentFilter();
  if (route.action && !isAllowed(state.store, principal, route.action, path, effective)) {
    const action = route.action;
    const below = `/subscriptions/${subscriptionId ?? ""}`;
    if (!route.filterByAccess || !isAllowedBelow(state.store, principal, action, below, effective)) {
      throw authorizationFailed(principal, action, path);
    }
    visible = (resource) => isAllowed(state.store, principal, action, resource.id, effective);
  }

  const rg = params.resourceGroupName;
  if (
    rg !== undefined &&
    subscriptionId !== undefined &&
    !route.skipScopeChecks &&
    !/\/\{resourceGroupName\}$/.test(route.pattern)
  ) {
    if (!state.store.has(`/subscriptions/${subscriptionId}/resourceGroups/${rg}`)) {
      throw new ArmError(404, "ResourceGroupNotFound", `Resource group '${rg}' could not be found.`);
    }
  }

  enforceLocks(state.store, method, path);

  const raw = method === "GET" || method === "HEAD" ? Buffer.alloc(0) : await readBody(req);
  let body: unknown;
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      throw new ArmError(
        400,
        "InvalidRequestContent",
        "The request content was invalid and could not be deserialized.",
      );
    }
  }

  const ctx: ArmContext = {
    method,
    path,
    query: url.searchParams,
    apiVersion,
    body,
    params,
    principal,
    store: state.store,
    principals: state.principals,
    subscriptions: state.subscriptions,
    config: state.config,
    baseUrl: rt.baseUrl,
    requestId: rec.requestId,
    page: (query, map, filter) => buildPage(rt, state.store, url, query, map, bothOf(filter, visible)),
  };
  const result = await rt.realism.handle(ctx, route, rec);

  if (route.longRunning && result.commit) {
    const namespace = /\/providers\/([^/]+)\/[^/]+\/[^/]+$/i.exec(path)?.[1] ?? "Microsoft.Resources";
    return rt.operations.start(state.config.lro, {
      method,
      result,
      baseUrl: rt.baseUrl,
      subscriptionId: subscriptionId ?? "",
      namespace,
      apiVersion,
      resourceKey: idKey(path),
      failure: rec.failOperation,
      timing: rt.realism.operationTiming(method, path, rec),
    });
  }
  result.commit?.();
  if (method === "GET" && result.status === 200) {
    return { ...result, body: rt.operations.overlay(idKey(path), result.body) };
  }
  return result;
}

async function authenticate(rt: Runtime, req: IncomingMessage): Promise<Principal> {
  const authorization = headerValue(req, "authorization");
  const tenant = [...rt.state.tenants.values()][0]?.tenantId ?? "common";
  const challenge = (description: string) =>
    `Bearer authorization_uri="${rt.baseUrl}/${tenant}", error="invalid_token", error_description="${description}"`;
  if (!authorization?.toLowerCase().startsWith("bearer ")) {
    throw new ArmError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.", {
      headers: {
        "www-authenticate": challenge("The authentication failed because of missing 'Authorization' header."),
      },
    });
  }
  try {
    const claims = await rt.tokens.verifyAccessToken(authorization.slice(7).trim());
    const principal = rt.state.principals.get(claims.oid);
    if (!principal) throw new InvalidTokenError("The access token is invalid: its principal no longer exists.", false);
    return principal;
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    const code = error.expired ? "ExpiredAuthenticationToken" : "InvalidAuthenticationToken";
    const message = error.expired
      ? `The access token expiry UTC time is earlier than current UTC time '${new Date().toISOString()}'.`
      : error.message;
    throw new ArmError(401, code, message, {
      headers: {
        "www-authenticate": challenge(error.expired ? "The access token has expired." : "The access token is invalid."),
      },
    });
  }
}

function noRoute(segments: readonly string[], apiVersion: string): ArmError {
  const providersAt = segments.map((s) => s.toLowerCase()).lastIndexOf("providers");
  const namespace = providersAt >= 0 ? segments[providersAt + 1] : undefined;
  if (namespace) {
    const type = segments[providersAt + 2] ?? "";
    return new ArmError(
      404,
      "InvalidResourceType",
      `The resource type '${type}' could not be found in the namespace '${namespace}' for api version '${apiVersion}'.`,
    );
  }
  return new ArmError(
    404,
    "NotFound",
    `No HTTP resource was found that matches the request URI '/${segments.join("/")}'.`,
  );
}

function bothOf(
  first: ((resource: ArmResource) => boolean) | undefined,
  second: ((resource: ArmResource) => boolean) | undefined,
): ((resource: ArmResource) => boolean) | undefined {
  if (!first || !second) return first ?? second;
  return (resource) => first(resource) && second(resource);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
