import type { IncomingMessage, ServerResponse } from "node:http";

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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
