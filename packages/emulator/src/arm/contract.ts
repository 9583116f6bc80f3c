/**
 * The provider contract: how a resource provider (Microsoft.Storage, Microsoft.ManagedIdentity, ...) plugs into the
 * emulator's ARM front door. A provider is a list of `ArmRoute`s plus an optional `seed` hook, exported from
 * `src/providers/<name>/index.ts` and listed in `src/providers/index.ts`.
 *
 * The framework does everything generic before `handle` runs: fault injection, bearer validation, api-version,
 * subscription existence, RBAC on `route.action`, management locks (writes/deletes), throttling, request ids and logging.
 * Handlers only validate the request, read/write the store and return an `ArmResult`, or throw an `ArmError`.
 *
 * Long-running writes (`longRunning: true`): return the final result plus `commit`; the framework answers in the
 * configured style (synchronous, Location, Azure-AsyncOperation, provisioningState polling) and runs `commit` when the
 * operation completes, so a resource created by a 202 returns 404 until then. Do not write the store before `commit`.
 *
 * Paging: call `ctx.page(items)`; it applies the configured page size and builds an absolute nextLink.
 * Ids: store keys are case-insensitive; the casing last written is returned.
 */

import type { RealismConfig } from "../realism/realism-config.ts";

export type HttpMethod = "GET" | "HEAD" | "PUT" | "PATCH" | "POST" | "DELETE";

/** A tracked or proxy ARM resource as it is stored and returned on the wire (standard nested ARM JSON). */
export interface ArmResource {
  id: string;
  name: string;
  type: string;
  location?: string;
  tags?: Record<string, string>;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ArmRoute {
  method: HttpMethod;
  /**
   * ARM path template matched case-insensitively, e.g.
   * `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}`.
   * Literal segments and `{param}` segments; a param matches exactly one segment.
   */
  pattern: string;
  /** RBAC action checked against the caller's role assignments, e.g. `Microsoft.Storage/storageAccounts/write`. */
  action: string;
  /** Answer in the configured long-running-operation style and run `result.commit` when the operation completes. */
  longRunning?: boolean;
  /**
   * Skip the subscription/resource-group scope checks (e.g. tenant-level or provider-level operations).
   * By default the framework answers SubscriptionNotFound when `{subscriptionId}` is unknown.
   */
  skipScopeChecks?: boolean;
  /**
   * A collection ARM filters by access instead of refusing (resource groups, generic resources): a caller without
   * `action` at the request's scope is answered the items it holds `action` on at their own scope, and a 403 only
   * when none of its role assignments in the subscription grants `action`. Applied to `ctx.page`.
   */
  filterByAccess?: boolean;
  handle(ctx: ArmContext): ArmResult | Promise<ArmResult>;
}

export interface ArmResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Long-running routes only: applies the change. Called once, when the operation completes. */
  commit?: () => void;
}

/** Error details as ARM renders them inside `{error:{code,message,details}}`. */
export interface ArmErrorDetail {
  code: string;
  message: string;
  target?: string;
}

/** Thrown by handlers (and the framework); rendered as the ARM error envelope with `status`. */
export class ArmError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ArmErrorDetail[] | undefined;
  readonly headers: Record<string, string> | undefined;
  constructor(
    status: number,
    code: string,
    message: string,
    options?: { details?: ArmErrorDetail[]; headers?: Record<string, string> },
  ) {
    super(message);
    this.name = "ArmError";
    this.status = status;
    this.code = code;
    this.details = options?.details;
    this.headers = options?.headers;
  }
}

export type PrincipalKind = "ServicePrincipal" | "ManagedIdentity" | "User";

/** A federated identity credential: matched on issuer + subject + audience, exactly and case-sensitively. */
export interface FederatedCredential {
  name: string;
  issuer: string;
  /** Exact subject; absent when `claimsMatchingExpression` is used. */
  subject?: string;
  claimsMatchingExpression?: string;
  audiences: string[];
}

/** Something that can get a token: an app's service principal, a managed identity, a user. */
export interface Principal {
  /** Short handle used by `env("ops")`, the control API and `--as`; unique. */
  name: string;
  kind: PrincipalKind;
  displayName: string;
  tenantId: string;
  /** appId / client id. */
  clientId: string;
  /** object id == principalId in role assignments. */
  objectId: string;
  /** Client secrets accepted by the token endpoint. */
  secrets: string[];
  federatedCredentials: FederatedCredential[];
  /**
   * ARM id of the user-assigned identity behind this principal, if any. The token endpoint also matches federated
   * credentials stored as child resources of type
   * `Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials` under this id
   * (properties: issuer, subject, audiences), so providers need not sync them here.
   */
  resourceId?: string;
}

export interface PrincipalRegistry {
  add(principal: Principal): void;
  /** By name, clientId or objectId (case-insensitive). */
  get(key: string): Principal | undefined;
  remove(key: string): boolean;
  list(): Principal[];
}

export interface ListQuery {
  /** The scope to list under: a subscription, resource group or resource id. */
  scope: string;
  /** Full resource type, e.g. `Microsoft.Storage/storageAccounts`; omit for "all top-level tracked resources". */
  type?: string;
  /** true: any depth below `scope` (e.g. storage accounts of a subscription); false (default): direct children only. */
  recursive?: boolean;
}

export interface ListPage {
  items: ArmResource[];
  /** Opaque cursor for the next page; absent on the last page. */
  cursor?: string;
}

/** The resource store. Ids are case-insensitive; stored casing is returned. Listing is insertion-ordered, O(page). */
export interface ResourceStore {
  get(id: string): ArmResource | undefined;
  has(id: string): boolean;
  /** Insert or replace (replacing keeps the original insertion position). Returns true when it was created. */
  put(resource: ArmResource): boolean;
  /** Deletes the resource and everything below it (children, extension resources). Returns true if it existed. */
  delete(id: string): boolean;
  /** `filter` (optional) skips resources without using page slots. */
  list(
    query: ListQuery,
    cursor: string | undefined,
    limit: number,
    filter?: (resource: ArmResource) => boolean,
  ): ListPage;
  count(): number;
}

export interface TenantRecord {
  tenantId: string;
  displayName: string;
  defaultDomain: string;
}

export interface SubscriptionRecord {
  subscriptionId: string;
  tenantId: string;
  displayName: string;
  state: "Enabled" | "Disabled" | "Warned" | "PastDue" | "Deleted";
}

export type LroStyle = "synchronous" | "location" | "azure-async-operation" | "provisioning-state";

export interface EmulatorConfig {
  /** Locations accepted for tracked resources (lowercase, no spaces: `westeurope`). */
  locations: string[];
  lro: {
    style: LroStyle;
    /** Polls answered "still running" before the operation completes (0 = completes on the first poll). */
    pollsBeforeDone: number;
    /** Retry-After seconds on 202s; 0 omits the header (SDKs then poll at their own interval). */
    retryAfterSeconds: number;
  };
  pageSize: number;
  /** Added to every ARM response (ms). */
  latencyMs: number;
  throttling: {
    enabled: boolean;
    reads: { bucket: number; perSecond: number };
    writes: { bucket: number; perSecond: number };
    deletes: { bucket: number; perSecond: number };
  };
  tokens: { lifetimeSeconds: number; githubLifetimeSeconds: number };
  /** Claims of the emulated GitHub Actions workflow run. */
  github: GithubRunClaims;
  /** Principal name the managed-identity endpoints issue tokens for when no client_id/object_id is asked. */
  managedIdentity: string;
  /** Realism mode: real Azure's delays and conflicts (`{ profile: "azure", timeScale: 0.01 }`); `off` by default. */
  realism: RealismConfig;
}

export interface GithubRunClaims {
  repository: string;
  repositoryOwner: string;
  /** Set both ids to get the `OWNER@ID/REPO@ID` sub form. */
  repositoryId?: string;
  repositoryOwnerId?: string;
  ref: string;
  environment?: string;
  eventName: string;
  workflow: string;
  jobWorkflowRef: string;
  runId: string;
  runAttempt: string;
  actor: string;
  sha: string;
}

export interface ArmContext {
  method: HttpMethod;
  /** Decoded request path as sent (casing preserved, no query). */
  path: string;
  query: URLSearchParams;
  apiVersion: string;
  /** Parsed JSON body, `undefined` when empty. */
  body: unknown;
  /** `{param}` values from the route pattern, as sent. */
  params: Record<string, string>;
  principal: Principal;
  store: ResourceStore;
  principals: PrincipalRegistry;
  subscriptions: ReadonlyMap<string, SubscriptionRecord>;
  config: EmulatorConfig;
  /** e.g. `https://127.0.0.1:4443` (no trailing slash). */
  baseUrl: string;
  requestId: string;
  /** Applies the configured page size to `$skiptoken`/`$top` and returns `{ value, nextLink? }` with an absolute nextLink. */
  page(
    query: ListQuery,
    map?: (resource: ArmResource) => unknown,
    filter?: (resource: ArmResource) => boolean,
  ): ArmResult;
}

/** What `src/providers/<name>/index.ts` exports. */
export interface ArmProvider {
  name: string;
  routes: ArmRoute[];
  /** Adds the provider's part of the default seed (e.g. the brownfield storage account in `rg-legacy`). */
  seed?(seed: SeedContext): void;
}

export interface SeedContext {
  store: ResourceStore;
  principals: PrincipalRegistry;
  /** Stable ids from the default seed (see README). */
  ids: DefaultSeedIds;
}

export interface DefaultSeedIds {
  tenantId: string;
  subscription1: string;
  subscription2: string;
  legacyResourceGroup: string;
  location: string;
}
