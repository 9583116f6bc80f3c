import type { z } from "zod";
import { shown } from "./schema-parts.ts";

type Context = z.RefinementCtx;
type Loose = Record<string, unknown>;

// The value may be partly invalid here (these rules run even when fields failed), so read it defensively.
const list = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.filter((item): item is Loose => typeof item === "object" && item !== null) : [];
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const regionOf = (value: unknown): string | undefined => text(value)?.replace(/\s+/g, "").toLowerCase();

/** Rules that span fields: references between sections, duplicates, naming prefix, required tags, allowed regions. */
export function checkCrossReferences(value: unknown, ctx: Context): void {
  if (typeof value !== "object" || value === null) return;
  const env = value as Loose;
  const location = regionOf(env.location);
  const allowed = Array.isArray(env.allowedLocations)
    ? env.allowedLocations.map(regionOf).filter((name): name is string => name !== undefined)
    : location
      ? [location]
      : [];
  const notAllowed = (where: (string | number)[], name: string | undefined) => {
    if (name && allowed.length > 0 && !allowed.includes(name)) {
      ctx.addIssue({
        code: "custom",
        path: where,
        message: `${shown(name)} is not in allowedLocations (${allowed.join(", ")})`,
      });
    }
  };
  notAllowed(["location"], location);

  const tags = typeof env.tags === "object" && env.tags !== null ? (env.tags as Loose) : {};
  for (const name of Array.isArray(env.requiredTags) ? env.requiredTags : []) {
    // Own keys only: a required tag named "constructor" or "toString" must not be satisfied by Object.prototype.
    if (typeof name === "string" && (!Object.hasOwn(tags, name) || tags[name] === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["requiredTags"],
        message: `required tag ${shown(name)} has no value in tags; add tags.${name}`,
      });
    }
  }

  const groups = new Map<string, number>();
  list(env.resourceGroups).forEach((group, index) => {
    const name = text(group.name);
    if (!name) return;
    const key = name.toLowerCase();
    if (groups.has(key)) {
      ctx.addIssue({
        code: "custom",
        path: ["resourceGroups", index, "name"],
        message: `${shown(name)} is declared twice (also resourceGroups[${groups.get(key)}]); group names are case-insensitive`,
      });
    } else groups.set(key, index);
    notAllowed(["resourceGroups", index, "location"], regionOf(group.location));
  });

  const prefix = text(env.namingPrefix);
  const storage = typeof env.storage === "object" && env.storage !== null ? (env.storage as Loose) : {};
  const accounts = new Map<string, number>();
  list(storage.accounts).forEach((account, index) => {
    const at = ["storage", "accounts", index];
    const name = text(account.name);
    if (name && accounts.has(name)) {
      ctx.addIssue({
        code: "custom",
        path: [...at, "name"],
        message: `${shown(name)} is declared twice (also storage.accounts[${accounts.get(name)}]); names are global in Azure`,
      });
    } else if (name) accounts.set(name, index);
    if (name && prefix && /^[a-z0-9]{3,24}$/.test(name) && !name.startsWith(prefix)) {
      ctx.addIssue({
        code: "custom",
        path: [...at, "name"],
        message: `${shown(name)} must start with the naming prefix ${shown(prefix)}`,
      });
    }
    const group = text(account.resourceGroup);
    if (group && !groups.has(group.toLowerCase())) {
      ctx.addIssue({
        code: "custom",
        path: [...at, "resourceGroup"],
        message: `${shown(group)} is not declared in resourceGroups; add it there first`,
      });
    }
    notAllowed([...at, "location"], regionOf(account.location));
    const containers = new Set<string>();
    list(account.containers).forEach((container, containerIndex) => {
      const containerName = text(container.name);
      if (containerName && containers.has(containerName)) {
        ctx.addIssue({
          code: "custom",
          path: [...at, "containers", containerIndex, "name"],
          message: `${shown(containerName)} is declared twice in this account`,
        });
      }
      if (containerName) containers.add(containerName);
    });
  });

  const managedIdentities =
    typeof env.managedIdentities === "object" && env.managedIdentities !== null ? (env.managedIdentities as Loose) : {};
  // Unique per environment (ARM only needs it per group), so the plan address can be the name alone.
  const identities = new Map<string, number>();
  list(managedIdentities.identities).forEach((identity, index) => {
    const at = ["managedIdentities", "identities", index];
    const name = text(identity.name);
    const group = text(identity.resourceGroup);
    if (name && identities.has(name.toLowerCase())) {
      ctx.addIssue({
        code: "custom",
        path: [...at, "name"],
        message: `${shown(name)} is declared twice (also managedIdentities.identities[${identities.get(name.toLowerCase())}]); identity names are case-insensitive and unique in an environment`,
      });
    } else if (name) identities.set(name.toLowerCase(), index);
    if (group && !groups.has(group.toLowerCase())) {
      ctx.addIssue({
        code: "custom",
        path: [...at, "resourceGroup"],
        message: `${shown(group)} is not declared in resourceGroups; add it there first`,
      });
    }
    notAllowed([...at, "location"], regionOf(identity.location));
  });

  list(storage.accounts).forEach((account, index) => {
    list(account.roleAssignments).forEach((grant, grantIndex) => {
      const identity = text(grant.identity);
      if (identity !== undefined && !identities.has(identity.toLowerCase())) {
        ctx.addIssue({
          code: "custom",
          path: ["storage", "accounts", index, "roleAssignments", grantIndex, "identity"],
          message: `${shown(identity)} is not declared in managedIdentities.identities; add it there first`,
        });
      }
    });
  });
}
