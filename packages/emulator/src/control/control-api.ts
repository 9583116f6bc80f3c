import type { IncomingMessage, ServerResponse } from "node:http";
import { InvalidConfigError } from "../realism/realism-config.ts";
import { readBody, sendJson } from "../server/http-io.ts";
import type { Runtime } from "../server/runtime.ts";
import { mergeConfig } from "../state/default-config.ts";
import type { SeedInput } from "../state/emulator-state.ts";
import type { FaultRule } from "./fault-injector.ts";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

async function json(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  return raw.length === 0 ? undefined : JSON.parse(raw.toString("utf8"));
}

/** `/_emulator/*`: state, reset, seed, config, faults, requests. Loopback callers only. */
export async function handleControl(rt: Runtime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? "")) {
    sendJson(res, 403, { error: { code: "Forbidden", message: "The control API answers loopback callers only." } });
    return;
  }
  const route = `${req.method} ${url.pathname.replace(/\/+$/, "")}`;
  try {
    switch (route) {
      case "GET /_emulator/state":
        return sendJson(res, 200, rt.state.snapshot());
      case "POST /_emulator/reset":
        rt.reset();
        return sendJson(res, 200, { ok: true });
      case "POST /_emulator/seed":
        rt.state.apply(((await json(req)) ?? {}) as SeedInput);
        return sendJson(res, 200, { ok: true });
      case "GET /_emulator/config":
        return sendJson(res, 200, rt.state.config);
      case "PUT /_emulator/config":
        rt.state.config = mergeConfig(rt.state.config, await json(req));
        rt.throttler.reset();
        rt.state.onChange?.();
        return sendJson(res, 200, rt.state.config);
      case "GET /_emulator/faults":
        return sendJson(res, 200, { value: rt.faults.list() });
      case "POST /_emulator/faults": {
        const body = await json(req);
        const rules = (Array.isArray(body) ? body : [body]) as FaultRule[];
        return sendJson(res, 201, { value: rules.map((r) => rt.faults.add(r)) });
      }
      case "DELETE /_emulator/faults":
        rt.faults.clear();
        return sendJson(res, 200, { ok: true });
      case "GET /_emulator/requests": {
        const text = rt.log.toJsonLines();
        res.writeHead(200, { "content-type": "application/x-ndjson", "content-length": Buffer.byteLength(text) });
        res.end(text);
        return;
      }
      case "DELETE /_emulator/requests":
        rt.log.clear();
        return sendJson(res, 200, { ok: true });
      default:
        return sendJson(res, 404, { error: { code: "NotFound", message: `No control endpoint '${route}'.` } });
    }
  } catch (error) {
    const code = error instanceof InvalidConfigError ? "InvalidConfig" : "BadRequest";
    const target = error instanceof InvalidConfigError ? { target: error.field } : {};
    sendJson(res, 400, {
      error: { code, message: error instanceof Error ? error.message : String(error), ...target },
    });
  }
}
