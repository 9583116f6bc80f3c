import type { ArmContext, ArmResult } from "../arm/contract.ts";

/** Pages a computed (non-store) list with an offset `$skiptoken` and an absolute nextLink. */
export function pageArray(ctx: ArmContext, items: unknown[]): ArmResult {
  const offset = Number.parseInt(ctx.query.get("$skiptoken") ?? "0", 10) || 0;
  const end = offset + ctx.config.pageSize;
  const body: { value: unknown[]; nextLink?: string } = { value: items.slice(offset, end) };
  if (end < items.length) {
    const next = new URL(ctx.path, ctx.baseUrl);
    for (const [k, v] of ctx.query) next.searchParams.set(k, v);
    next.searchParams.set("$skiptoken", String(end));
    body.nextLink = next.toString();
  }
  return { status: 200, body };
}
