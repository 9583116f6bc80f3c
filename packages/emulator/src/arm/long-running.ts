import { randomUUID } from "node:crypto";
import type { ArmResult, EmulatorConfig, HttpMethod } from "./contract.ts";

/** How an operation ends when a `failOperation` fault hit the request that started it. */
export interface OperationFailure {
  /** HTTP status of the final Location poll. */
  status: number;
  code: string;
  message: string;
}

/**
 * A wall-clock duration for an operation (realism mode): it completes `durationMs` after it starts, polled or not,
 * and its 202s carry `retryAfterSeconds` (none when absent) instead of the configured value.
 */
export interface OperationTiming {
  durationMs: number;
  retryAfterSeconds?: number | undefined;
}

interface Operation {
  id: string;
  method: HttpMethod;
  result: ArmResult;
  resourceKey: string;
  pollsLeft: number;
  /** Timed operations: when they complete (ms since epoch). */
  doneAt?: number | undefined;
  timing?: OperationTiming | undefined;
  done: boolean;
  startTime: string;
  endTime?: string;
  locationUrl: string;
  statusUrl: string;
  failure?: OperationFailure | undefined;
}

/** What a handler's long-running result turns into on the wire. */
export interface LroStart {
  status: number;
  body?: unknown;
  headers: Record<string, string>;
}

/** provisioningState style: GETs still to answer "Creating", or (timed) until when. */
type Provisioning = { getsLeft: number } | { until: number };

/**
 * Long-running operations in the configured style. The change (`commit`) runs when the operation completes: on the
 * poll after `pollsBeforeDone` "still running" answers, so a resource created by a 202 is 404 until then. A timed
 * operation (`timing`) completes by the clock instead, at the first request after its time is up.
 */
export class OperationTracker {
  readonly #operations = new Map<string, Operation>();
  /** Operations not yet done, for `settleDue` and `running` (the map above keeps finished ones for late polls). */
  readonly #pending = new Set<Operation>();
  /** Resource id key -> provisioningState overlay still to apply. */
  readonly #provisioning = new Map<string, Provisioning>();

  start(
    config: EmulatorConfig["lro"],
    input: {
      method: HttpMethod;
      result: ArmResult;
      baseUrl: string;
      subscriptionId: string;
      namespace: string;
      apiVersion: string;
      resourceKey: string;
      failure?: OperationFailure | undefined;
      timing?: OperationTiming | undefined;
    },
  ): LroStart {
    const { result, timing } = input;
    const now = Date.now();
    // A failing operation needs a poll to fail on: the synchronous styles answer it in Location style.
    const style =
      input.failure && (config.style === "synchronous" || config.style === "provisioning-state")
        ? "location"
        : config.style;
    const props = (result.body as { properties?: { provisioningState?: unknown } } | undefined)?.properties;
    if (style === "synchronous") {
      result.commit?.();
      return { status: result.status, body: result.body, headers: result.headers ?? {} };
    }
    if (style === "provisioning-state" && input.method === "PUT" && props && "provisioningState" in props) {
      result.commit?.();
      const interim = result.status === 201 ? "Creating" : "Updating";
      this.#provisioning.set(
        input.resourceKey,
        timing ? { until: now + timing.durationMs } : { getsLeft: config.pollsBeforeDone },
      );
      return {
        status: result.status,
        body: withProvisioningState(result.body, interim),
        headers: result.headers ?? {},
      };
    }
    const id = randomUUID();
    const base = `${input.baseUrl}/subscriptions/${input.subscriptionId}/providers/${input.namespace}`;
    const op: Operation = {
      id,
      method: input.method,
      result,
      resourceKey: input.resourceKey,
      pollsLeft: config.pollsBeforeDone,
      doneAt: timing ? now + timing.durationMs : undefined,
      timing,
      done: false,
      startTime: new Date(now).toISOString(),
      locationUrl: `${base}/operationResults/${id}?api-version=${input.apiVersion}`,
      statusUrl: `${base}/operationStatuses/${id}?api-version=${input.apiVersion}`,
      failure: input.failure,
    };
    this.#operations.set(id, op);
    this.#pending.add(op);
    const headers: Record<string, string> = { ...(result.headers ?? {}), location: op.locationUrl };
    if (style === "azure-async-operation") headers["azure-asyncoperation"] = op.statusUrl;
    Object.assign(headers, retryAfter(op, config));
    return { status: 202, headers };
  }

  #advance(op: Operation): void {
    if (op.done) return;
    if (op.doneAt !== undefined) {
      if (Date.now() >= op.doneAt) this.#complete(op);
      return;
    }
    if (op.pollsLeft > 0) {
      op.pollsLeft -= 1;
      return;
    }
    this.#complete(op);
  }

  #complete(op: Operation): void {
    op.done = true;
    // A timed operation ended when its time was up, whenever the request that noticed came.
    op.endTime = new Date(op.doneAt ?? Date.now()).toISOString();
    this.#pending.delete(op);
    if (!op.failure) op.result.commit?.();
  }

  /** Completes every timed operation whose time is up: the clock, not the polls, ends them. */
  settleDue(): void {
    const now = Date.now();
    for (const op of this.#pending) if (op.doneAt !== undefined && now >= op.doneAt) this.#complete(op);
  }

  /** An operation still running on `resourceKey` or below it (its id and, when timed, the ms left), if any. */
  running(resourceKey: string): { id: string; leftMs?: number } | undefined {
    const now = Date.now();
    for (const op of this.#pending) {
      if (op.resourceKey !== resourceKey && !op.resourceKey.startsWith(`${resourceKey}/`)) continue;
      if (op.doneAt === undefined) return { id: op.id };
      if (op.doneAt > now) return { id: op.id, leftMs: op.doneAt - now };
    }
    const provisioning = this.#provisioning.get(resourceKey);
    if (provisioning && ("getsLeft" in provisioning ? provisioning.getsLeft > 0 : provisioning.until > now)) {
      return { id: `provisioning of ${resourceKey}` };
    }
    return undefined;
  }

  /** `GET .../operationResults/{id}` (Location style): 202 while running, then the final status and body. */
  pollResult(id: string, config: EmulatorConfig["lro"]): ArmResult | undefined {
    const op = this.#operations.get(id);
    if (!op) return undefined;
    this.#advance(op);
    if (!op.done) return { status: 202, headers: { location: op.locationUrl, ...retryAfter(op, config) } };
    if (op.failure) {
      const { status, code, message } = op.failure;
      return { status, body: { error: { code, message } } };
    }
    if (op.method === "DELETE") return { status: 200 };
    return { status: op.result.status === 201 ? 200 : op.result.status, body: op.result.body };
  }

  /** `GET .../operationStatuses/{id}` (Azure-AsyncOperation style). */
  pollStatus(id: string, config: EmulatorConfig["lro"]): ArmResult | undefined {
    const op = this.#operations.get(id);
    if (!op) return undefined;
    this.#advance(op);
    const headers: Record<string, string> = op.done ? {} : retryAfter(op, config);
    const body: Record<string, unknown> = {
      id: op.statusUrl.split("?")[0]?.replace(/^https?:\/\/[^/]+/, ""),
      name: op.id,
      status: op.done ? (op.failure ? "Failed" : "Succeeded") : "InProgress",
      startTime: op.startTime,
    };
    if (op.done && op.failure) body.error = { code: op.failure.code, message: op.failure.message };
    if (op.endTime) body.endTime = op.endTime;
    return { status: 200, body, headers };
  }

  /** provisioningState style: rewrites a GET of a resource still "provisioning". */
  overlay(resourceKey: string, body: unknown): unknown {
    const provisioning = this.#provisioning.get(resourceKey);
    if (provisioning === undefined) return body;
    const done = "getsLeft" in provisioning ? provisioning.getsLeft <= 0 : Date.now() >= provisioning.until;
    if (done) {
      this.#provisioning.delete(resourceKey);
      return body;
    }
    if ("getsLeft" in provisioning) provisioning.getsLeft -= 1;
    return withProvisioningState(body, "Creating");
  }

  clear(): void {
    this.#operations.clear();
    this.#pending.clear();
    this.#provisioning.clear();
  }
}

/** The Retry-After of a 202 for `op`: its timing's (none when absent), else the configured one (none when 0). */
function retryAfter(op: Operation, config: EmulatorConfig["lro"]): Record<string, string> {
  const seconds = op.timing ? op.timing.retryAfterSeconds : config.retryAfterSeconds;
  return seconds !== undefined && seconds > 0 ? { "retry-after": String(seconds) } : {};
}

function withProvisioningState(body: unknown, state: string): unknown {
  const b = body as { properties?: Record<string, unknown> };
  return { ...b, properties: { ...(b.properties ?? {}), provisioningState: state } };
}
