import type { Principal, PrincipalRegistry } from "./contract.ts";

/** Principals indexed by name, clientId and objectId (all case-insensitive). */
export class MemoryPrincipalRegistry implements PrincipalRegistry {
  readonly #byKey = new Map<string, Principal>();
  readonly #all = new Map<string, Principal>();
  onChange: (() => void) | undefined;

  add(principal: Principal): void {
    this.remove(principal.objectId);
    this.remove(principal.name);
    this.#all.set(principal.objectId.toLowerCase(), principal);
    for (const k of [principal.name, principal.clientId, principal.objectId])
      this.#byKey.set(k.toLowerCase(), principal);
    this.onChange?.();
  }

  get(key: string): Principal | undefined {
    return this.#byKey.get(key.toLowerCase());
  }

  remove(key: string): boolean {
    const p = this.get(key);
    if (!p) return false;
    this.#all.delete(p.objectId.toLowerCase());
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
  }
}
