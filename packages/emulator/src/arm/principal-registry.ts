import type { Principal, PrincipalRegistry } from "./contract.ts";

/** Principals indexed by name, clientId and objectId (all case-insensitive). */
export class MemoryPrincipalRegistry implements PrincipalRegistry {
  readonly #byKey = new Map<string, Principal>();
  readonly #all = new Map<string, Principal>();
  /** Lowercase objectId -> when it entered the directory (ms since epoch; 0 for the settled ones). */
  readonly #addedAt = new Map<string, number>();
  onChange: (() => void) | undefined;

  add(principal: Principal): void {
    const oid = principal.objectId.toLowerCase();
    // Replacing a principal (a second PUT of its identity) keeps the moment it first appeared.
    const since = this.#addedAt.get(oid) ?? Date.now();
    this.remove(principal.objectId);
    this.remove(principal.name);
    this.#all.set(oid, principal);
    this.#addedAt.set(oid, since);
    for (const k of [principal.name, principal.clientId, principal.objectId])
      this.#byKey.set(k.toLowerCase(), principal);
    this.onChange?.();
  }

  get(key: string): Principal | undefined {
    return this.#byKey.get(key.toLowerCase());
  }

  /** When the principal (name, clientId or objectId) entered the directory: ms since epoch, 0 if settled. */
  addedAt(key: string): number | undefined {
    const p = this.get(key);
    return p ? this.#addedAt.get(p.objectId.toLowerCase()) : undefined;
  }

  /** Every principal present now counts as long replicated: the seed and loaded state predate the run. */
  settle(): void {
    for (const oid of this.#addedAt.keys()) this.#addedAt.set(oid, 0);
  }

  remove(key: string): boolean {
    const p = this.get(key);
    if (!p) return false;
    this.#all.delete(p.objectId.toLowerCase());
    this.#addedAt.delete(p.objectId.toLowerCase());
    for (const k of [p.name, p.clientId, p.objectId]) {
      if (this.#byKey.get(k.toLowerCase()) === p) this.#byKey.delete(k.toLowerCase());
    }
    this.onChange?.();
    return true;
  }

  list(): Principal[] {
    return [...this.#all.values()];
  }

  clear(): void {
    this.#all.clear();
    this.#byKey.clear();
    this.#addedAt.clear();
  }
}
