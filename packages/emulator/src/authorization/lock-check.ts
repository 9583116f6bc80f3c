import type { ArmResource, HttpMethod, ResourceStore } from "../arm/contract.ts";
import { ArmError } from "../arm/contract.ts";
import { LOCK_TYPE, scopesAbove } from "./access-check.ts";

function lockScope(lock: ArmResource): string {
  const marker = "/providers/microsoft.authorization/locks/";
  const at = lock.id.toLowerCase().lastIndexOf(marker);
  return at < 0 ? lock.id : lock.id.slice(0, at);
}

function locksAt(store: ResourceStore, scope: string, recursive: boolean): ArmResource[] {
  const out: ArmResource[] = [];
  let cursor: string | undefined;
  do {
    const page = store.list({ scope, type: LOCK_TYPE, recursive }, cursor, 1000);
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return out;
}

/**
 * Enforces management locks: ReadOnly blocks every write and delete at or below its scope, CanNotDelete blocks deletes
 * (including deleting a scope that contains a locked resource). Lock management itself is never blocked.
 */
export function enforceLocks(store: ResourceStore, method: HttpMethod, path: string): void {
  if (method === "GET" || method === "HEAD") return;
  if (path.toLowerCase().includes("/providers/microsoft.authorization/locks")) return;
  const isDelete = method === "DELETE";
  const locks = scopesAbove(path).flatMap((s) => locksAt(store, s, false));
  if (isDelete) locks.push(...locksAt(store, path, true));
  const blocking = locks.filter((l) => {
    const level = String(l.properties?.level ?? "");
    return level === "ReadOnly" || (isDelete && level === "CanNotDelete");
  });
  if (blocking.length === 0) return;
  const scopes = [...new Set(blocking.map(lockScope))].map((s) => `'${s}'`).join(",");
  const operation = isDelete ? "delete" : "write";
  throw new ArmError(
    409,
    "ScopeLocked",
    `The scope '${path}' cannot perform ${operation} operation because following scope(s) are locked: ${scopes}. Please remove the lock and try again.`,
  );
}
