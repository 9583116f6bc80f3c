import type { IncomingMessage, ServerResponse } from "node:http";

const bodies = new WeakMap<IncomingMessage, Promise<Buffer>>();

/**
 * The request's body, read once. The request handler starts reading it as the request arrives, so a client that
 * disconnects while its request is held (an injected delay, the configured latency) has still sent it: ARM carries out
 * a request it received whether or not anyone still waits for the answer, and so does the emulator.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  let body = bodies.get(req);
  if (body === undefined) {
    body = (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    })();
    // A body that never arrived whole is reported where it is awaited; unawaited, it is no crash.
    body.catch(() => undefined);
    bodies.set(req, body);
  }
  return body;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  omitBody = false,
): void {
  const payload = body === undefined ? "" : JSON.stringify(body);
  const out: Record<string, string | number> = { ...headers };
  if (body !== undefined) out["content-type"] = "application/json; charset=utf-8";
  out["content-length"] = omitBody ? 0 : Buffer.byteLength(payload);
  res.writeHead(status, out);
  res.end(omitBody ? undefined : payload);
}

/** application/x-www-form-urlencoded body (token endpoints). */
export function parseForm(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString("utf8"));
}
