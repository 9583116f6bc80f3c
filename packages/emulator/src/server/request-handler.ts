import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { handleArm } from "../arm/arm-pipeline.ts";
import { handleControl } from "../control/control-api.ts";
import { handleEntra, metadataEndpoints } from "../identity/entra-endpoints.ts";
import { handleGithub } from "../identity/github-endpoints.ts";
import { handleManagedIdentity } from "../identity/managed-identity-endpoints.ts";
import { readBody, sendJson } from "./http-io.ts";
import type { RequestRecord, Runtime } from "./runtime.ts";

const ARM_ROOTS = new Set(["subscriptions", "tenants", "providers"]);

/** One handler per listener: the https one serves everything, the http one only managed identity and control. */
export function createRequestHandler(rt: Runtime, listener: "https" | "http") {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    const rec: RequestRecord = { requestId: randomUUID() };
    // Core-client style SDKs send `/{scope}` with a scope that starts with "/", giving "//subscriptions/...".
    const url = new URL((req.url ?? "/").replace(/^\/{2,}/, "/"), "http://127.0.0.1");
    const control = url.pathname.startsWith("/_emulator/");
    // Read now, not when the route gets to it: the body is the request's whether or not its client stays to the end.
    if (req.method !== "GET" && req.method !== "HEAD") void readBody(req);
    res.on("close", () => {
      if (control) return;
      rt.log.add({
        time: new Date().toISOString(),
        requestId: rec.requestId,
        method: req.method ?? "",
        path: url.pathname + url.search,
        status: res.headersSent ? res.statusCode : 0,
        principal: rec.principal,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        fault: rec.fault,
        realism: rec.realism,
      });
    });
    route(rt, listener, req, res, url, rec, control).catch((error: unknown) => {
      console.error("emulator => request =>", error);
      if (!res.headersSent) sendJson(res, 500, { error: { code: "InternalServerError", message: String(error) } });
      else res.destroy();
    });
  };
}

async function route(
  rt: Runtime,
  listener: "https" | "http",
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  rec: RequestRecord,
  control: boolean,
): Promise<void> {
  if (control) return handleControl(rt, req, res, url);
  const fault = rt.faults.take(req.method ?? "GET", url.pathname + url.search);
  if (fault) {
    rec.fault = `#${fault.id}`;
    if (fault.delayMs)
      await sleep(fault.delayMs, undefined, { signal: rt.faults.clearedSignal }).catch(() => undefined);
    if (fault.failOperation) {
      rec.failOperation = {
        status: fault.status ?? 400,
        code: fault.code ?? "InternalOperationError",
        message: fault.message ?? `Injected failure of the operation (fault #${fault.id}).`,
      };
    } else if (fault.reset) {
      req.socket.destroy();
      return;
    } else if (fault.status) {
      const headers: Record<string, string> = { "x-ms-request-id": rec.requestId };
      if (fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
      const code = fault.code ?? (fault.status === 429 ? "TooManyRequests" : "ServiceUnavailable");
      sendJson(
        res,
        fault.status,
        { error: { code, message: fault.message ?? `Injected fault #${fault.id}.` } },
        headers,
      );
      return;
    }
  }
  if (await handleManagedIdentity(rt, req, res, url)) return;
  if (listener === "http") {
    sendJson(res, 404, {
      error: { code: "NotFound", message: "The http listener serves managed identity endpoints only." },
    });
    return;
  }
  const first = url.pathname.split("/")[1]?.toLowerCase() ?? "";
  if (first === "metadata" && url.pathname.toLowerCase().startsWith("/metadata/endpoints")) {
    sendJson(res, 200, metadataEndpoints(rt));
    return;
  }
  if (ARM_ROOTS.has(first)) return handleArm(rt, req, res, url, rec);
  if (await handleGithub(rt, req, res, url)) return;
  if (await handleEntra(rt, req, res, url)) return;
  sendJson(res, 404, { error: { code: "NotFound", message: `No endpoint '${url.pathname}'.` } });
}
