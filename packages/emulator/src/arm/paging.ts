import type { Runtime } from "../server/runtime.ts";
import type { ArmResource, ArmResult, ListQuery } from "./contract.ts";
import type { MemoryResourceStore } from "./resource-store.ts";

/** `{ value, nextLink }` for one page; nextLink is absolute and carries `$skiptoken`, as ARM's does. */
export function buildPage(
  rt: Runtime,
  store: MemoryResourceStore,
  url: URL,
  query: ListQuery,
  map: ((resource: ArmResource) => unknown) | undefined,
  filter: ((resource: ArmResource) => boolean) | undefined,
): ArmResult {
  // Clients ask for a page size with `$top` (most list APIs) or `$maxpagesize` (arm-storage's container list).
  const top = Number.parseInt(url.searchParams.get("$top") ?? url.searchParams.get("$maxpagesize") ?? "", 10);
  const limit = Math.max(
    1,
    Math.min(rt.state.config.pageSize, Number.isFinite(top) && top > 0 ? top : Number.MAX_SAFE_INTEGER),
  );
  const cursor = url.searchParams.get("$skiptoken") ?? undefined;
  const page = store.list(query, cursor, limit, filter);
  const body: { value: unknown[]; nextLink?: string } = { value: map ? page.items.map(map) : page.items };
  if (page.cursor !== undefined) {
    const next = new URL(url.pathname + url.search, rt.baseUrl);
    next.searchParams.set("$skiptoken", page.cursor);
    body.nextLink = next.toString();
  }
  return { status: 200, body };
}
