import { randomUUID } from "node:crypto";
import type { ArmResult, EmulatorConfig, HttpMethod } from "./contract.ts";

/** How an operation ends when a `failOperation` fault hit the request that started it. */
export interface OperationFailure {
  /** HTTP status of the final Location poll. */
  status: number;
  code: string;
  message: string;
}

interface Operation {
  id: string;
  method: HttpMethod;
  result: ArmResult;
  pollsLeft: number;
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

/**
 * Long-running operations in the configured style. The change (`commit`) runs when the operation completes: on the
 * poll after `pollsBeforeDone` "still running" answers, so a resource created by a 202 is 404 until then.
 */
export class OperationTracker {
  readonly #operations = new Map<string, Operation>();
  /** Resource id key -> GETs still to answer with a non-terminal provisioningState. */
  readonly #provisioning = new Map<string, number>();

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
    },
  ): LroStart {
    const { result } = input;
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
      this.#provisioning.set(input.resourceKey, config.pollsBeforeDone);
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
      pollsLeft: config.pollsBeforeDone,
      done: false,
      startTime: new Date().toISOString(),
      locationUrl: `${base}/operationResults/${id}?api-version=${input.apiVersion}`,
      statusUrl: `${base}/operationStatuses/${id}?api-version=${input.apiVersion}`,
      failure: input.failure,
    };
    this.#operations.set(id, op);
    const headers: Record<string, string> = { ...(result.headers ?? {}), location: op.locationUrl };
    if (style === "azure-async-operation") headers["azure-asyncoperation"] = op.statusUrl;
    if (config.retryAfterSeconds > 0) headers["retry-after"] = String(config.retryAfterSeconds);
    return { status: 202, headers };
  }

  #advance(op: Operation): void {
    if (op.done) return;
    if (op.pollsLeft > 0) {
      op.pollsLeft -= 1;
      return;
    }
    op.done = true;
    op.endTime = new Date().toISOString();
    if (!op.failure) op.result.commit?.();
  }

  /** `GET .../operationResults/{id}` (Location style): 202 while running, then the final status and body. */
  pollResult(id: string, config: EmulatorConfig["lro"]): ArmResult | undefined {
    const op = this.#operations.get(id);
    if (!op) return undefined;
    this.#advance(op);
    if (!op.done) {
      const headers: Record<string, string> = { location: op.locationUrl };
      if (config.retryAfterSeconds > 0) headers["retry-after"] = String(config.retryAfterSeconds);
      return { status: 202, headers };
    }
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
    const headers: Record<string, string> = {};
    if (!op.done && config.retryAfterSeconds > 0) headers["retry-after"] = String(config.retryAfterSeconds);
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
    const left = this.#provisioning.get(resourceKey);
    if (left === undefined) return body;
    if (left <= 0) {
      this.#provisioning.delete(resourceKey);
      return body;
    }
    this.#provisioning.set(resourceKey, left - 1);
    return withProvisioningState(body, "Creating");
  }

  clear(): void {
    this.#operations.clear();
    this.#provisioning.clear();
  }
}

function withProvisioningState(body: unknown, state: string): unknown {
  const b = body as { properties?: Record<string, unknown> };
  return { ...b, properties: { ...(b.properties ?? {}), provisioningState: state } };
}
