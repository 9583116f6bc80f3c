import type { DesiredResource, WireObject } from "../src/desired-resource.ts";
import { ownershipTags } from "../src/ownership.ts";
import { ACCOUNTS, accountId, GROUPS, groupId } from "./in-memory-kind.ts";

export const ENV = "dev";
export const SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";

/** Settings that a secure account declares, in wire shape. */
export function accountProperties(overrides: WireObject = {}): WireObject {
  return {
    location: "West Europe",
    sku: { name: "Standard_LRS" },
    kind: "StorageV2",
    tags: { costCenter: "ops" },
    properties: { minimumTlsVersion: "TLS1_2", allowBlobPublicAccess: false },
    ...overrides,
  };
}

export function desiredAccount(
  name: string,
  properties: WireObject = accountProperties(),
  group = "rg-app",
): DesiredResource {
  return {
    address: `storage.account["${name}"]`,
    kind: ACCOUNTS,
    id: accountId(group, name),
    name,
    dependsOn: [`groups.group["${group}"]`],
    properties,
    task: "storage",
  };
}

export function desiredGroup(name: string): DesiredResource {
  return {
    address: `groups.group["${name}"]`,
    kind: GROUPS,
    id: groupId(name),
    name,
    dependsOn: [],
    properties: { location: "westeurope", tags: {} },
    task: "groups",
  };
}

/** The live body of an account that an earlier apply made (ownership tags included). */
export function liveAccount(overrides: WireObject = {}, owner = ownershipTags(ENV, "storage")): WireObject {
  const properties = accountProperties(overrides);
  return { ...properties, tags: { ...(properties.tags as WireObject), ...owner } };
}
