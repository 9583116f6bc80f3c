import type { ArmResource, EmulatorConfig, Principal, SubscriptionRecord, TenantRecord } from "../arm/contract.ts";
import { MemoryPrincipalRegistry } from "../arm/principal-registry.ts";
import { MemoryResourceStore } from "../arm/resource-store.ts";
import { defaultConfig, mergeConfig } from "./default-config.ts";

/** The serialisable state: what `GET /_emulator/state` returns and `--state DIR` persists. */
export interface StateSnapshot {
  tenants: TenantRecord[];
  subscriptions: SubscriptionRecord[];
  principals: Principal[];
  resources: ArmResource[];
  config: EmulatorConfig;
}

/** The body of `POST /_emulator/seed`: any part of a snapshot; principals may omit kind, secrets, credentials. */
export interface SeedInput {
  tenants?: TenantRecord[];
  subscriptions?: SubscriptionRecord[];
  principals?: (Partial<Principal> & Pick<Principal, "name" | "tenantId" | "clientId" | "objectId">)[];
  resources?: ArmResource[];
  config?: unknown;
}

/** Everything the emulator knows: directory (tenants, principals), subscriptions, resources, config. */
export class EmulatorState {
  readonly tenants = new Map<string, TenantRecord>();
  /** Keyed by lowercase subscription id. */
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  readonly principals = new MemoryPrincipalRegistry();
  readonly store = new MemoryResourceStore();
  config: EmulatorConfig = defaultConfig();
  onChange: (() => void) | undefined;

  constructor() {
    this.store.onChange = () => this.onChange?.();
    this.principals.onChange = () => this.onChange?.();
  }

  addTenant(tenant: TenantRecord): void {
    this.tenants.set(tenant.tenantId.toLowerCase(), tenant);
    this.onChange?.();
  }

  addSubscription(subscription: SubscriptionRecord): void {
    this.subscriptions.set(subscription.subscriptionId.toLowerCase(), subscription);
    this.onChange?.();
  }

  /** By tenant id or default domain. */
  findTenant(key: string): TenantRecord | undefined {
    const k = key.toLowerCase();
    return this.tenants.get(k) ?? [...this.tenants.values()].find((t) => t.defaultDomain.toLowerCase() === k);
  }

  clear(): void {
    this.tenants.clear();
    this.subscriptions.clear();
    this.principals.clear();
    this.store.clear();
    this.config = defaultConfig();
  }

  snapshot(): StateSnapshot {
    return {
      tenants: [...this.tenants.values()],
      subscriptions: [...this.subscriptions.values()],
      principals: this.principals.list(),
      resources: this.store.all(),
      config: this.config,
    };
  }

  /** Adds (or replaces) everything in a partial snapshot: the shape of `POST /_emulator/seed`. */
  apply(seed: SeedInput): void {
    for (const t of seed.tenants ?? []) this.addTenant(t);
    for (const s of seed.subscriptions ?? []) this.addSubscription(s);
    for (const p of seed.principals ?? []) {
      this.principals.add({
        secrets: [],
        federatedCredentials: [],
        kind: "ServicePrincipal",
        displayName: p.name,
        ...p,
      });
    }
    for (const r of seed.resources ?? []) this.store.put(r);
    if (seed.config) this.config = mergeConfig(this.config, seed.config);
  }
}
