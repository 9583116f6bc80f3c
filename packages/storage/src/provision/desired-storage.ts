import {
  BUILT_IN_ROLE_IDS,
  identityAddress,
  identityId,
  pendingPrincipal,
  ROLE_ASSIGNMENT_KIND,
  resourceGroupAddress,
  roleAssignmentId,
  roleAssignmentName,
  roleDefinitionId,
  STORAGE_TASK,
  storageAccountId,
  storageAddress,
} from "@infra/arm";
import { type Environment, managedIdentitiesSection } from "@infra/environments";
import type { DesiredResource, WireObject } from "@infra/plan";
import { blobServiceBaseline, containerBaseline, fileServiceBaseline, storageAccountBaseline } from "../baseline.ts";
import { type StorageAccountConfig, storageSection } from "../storage-section.ts";
import { containerOwnershipMetadata } from "./container-ownership.ts";
import { environmentAccounts } from "./environment-accounts.ts";
import { STORAGE_KINDS } from "./storage-kind-names.ts";

type StorageGrant = StorageAccountConfig["roleAssignments"][number];

/** The managed identity a grant names, when it names one: its resource id and plan address. */
function grantedIdentity(environment: Environment, subscriptionId: string, grant: StorageGrant) {
  if (grant.identity === undefined) return undefined;
  const wanted = grant.identity.toLowerCase();
  const identity = managedIdentitiesSection
    .of(environment)
    .identities.find((candidate) => candidate.name.toLowerCase() === wanted);
  if (!identity) throw new TypeError(`identity ${grant.identity} is not declared (the schema checks this)`);
  return {
    id: identityId(subscriptionId, identity.resourceGroup, identity.name),
    address: identityAddress(identity.name),
    name: identity.name,
  };
}

/** The ids of the managed identities the storage section grants roles to, for their principal ids. */
export function grantedIdentityIds(environment: Environment, subscriptionId: string): string[] {
  return storageSection
    .of(environment)
    .accounts.flatMap((account) =>
      account.roleAssignments.flatMap((grant) => grantedIdentity(environment, subscriptionId, grant)?.id ?? []),
    );
}

/**
 * Everything the environment's storage section asks for, in ARM wire shape, the secure baseline applied. `principals`
 * holds the principal ids of the granted identities that exist (by lower-case identity id); a grant to one that does
 * not exist yet carries a pending principal, resolved when the assignment is created, after its identity.
 */
export function desiredStorage(
  environment: Environment,
  subscriptionId: string,
  principals: ReadonlyMap<string, string> = new Map(),
): DesiredResource[] {
  return environmentAccounts(environment, subscriptionId).flatMap((account) =>
    desiredForAccount(environment, subscriptionId, account, principals),
  );
}

function desiredForAccount(
  environment: Environment,
  subscriptionId: string,
  account: StorageAccountConfig,
  principals: ReadonlyMap<string, string>,
): DesiredResource[] {
  const accountId = storageAccountId(subscriptionId, account);
  const accountAddress = storageAddress.account(account.name);
  const child = (address: string, kind: string, id: string, properties: WireObject): DesiredResource => ({
    address,
    kind,
    id,
    name: id.split("/").at(-1) ?? id,
    dependsOn: [accountAddress],
    properties,
    task: STORAGE_TASK,
  });

  const resources: DesiredResource[] = [
    {
      address: accountAddress,
      kind: STORAGE_KINDS.account,
      id: accountId,
      name: account.name,
      dependsOn: [resourceGroupAddress(account.resourceGroup)],
      properties: accountProperties(environment, account),
      task: STORAGE_TASK,
    },
    child(
      storageAddress.blobService(account.name),
      STORAGE_KINDS.blobService,
      `${accountId}/blobServices/default`,
      blobServiceProperties(account.softDeleteDays),
    ),
  ];
  // File services exist on StorageV2 accounts only; BlockBlobStorage has none to configure.
  if (account.kind === "StorageV2") {
    resources.push(
      child(
        storageAddress.fileService(account.name),
        STORAGE_KINDS.fileService,
        `${accountId}/fileServices/default`,
        fileServiceProperties(account.softDeleteDays),
      ),
    );
  }
  for (const container of account.containers) {
    resources.push(
      child(
        storageAddress.container(account.name, container.name),
        STORAGE_KINDS.container,
        `${accountId}/blobServices/default/containers/${container.name}`,
        {
          properties: {
            ...containerBaseline.properties,
            metadata: containerOwnershipMetadata(environment.name, STORAGE_TASK),
          },
        },
      ),
    );
  }
  if (account.lifecycle) {
    resources.push(
      child(
        storageAddress.lifecycle(account.name),
        STORAGE_KINDS.managementPolicy,
        `${accountId}/managementPolicies/default`,
        lifecyclePolicy(account.lifecycle),
      ),
    );
  }
  for (const grant of account.roleAssignments) {
    const identity = grantedIdentity(environment, subscriptionId, grant);
    // A grant to an identity is named from the identity's id, known before the identity exists.
    const grantee = identity?.id ?? String(grant.principalId);
    const name = roleAssignmentName(accountId, grantee, BUILT_IN_ROLE_IDS[grant.role]);
    const assignment = child(
      storageAddress.roleAssignment(account.name, grant.role, identity?.name ?? grantee),
      ROLE_ASSIGNMENT_KIND,
      roleAssignmentId(accountId, name),
      {
        properties: {
          roleDefinitionId: roleDefinitionId(subscriptionId, grant.role),
          principalId: identity
            ? (principals.get(identity.id.toLowerCase()) ?? pendingPrincipal(identity.id))
            : grant.principalId,
          principalType: grant.principalType,
        },
      },
    );
    resources.push(identity ? { ...assignment, dependsOn: [...assignment.dependsOn, identity.address] } : assignment);
  }
  return resources;
}

/** The baseline for the account's network mode, with the environment's sku, kind, location, tags and firewall. */
function accountProperties(environment: Environment, account: StorageAccountConfig): WireObject {
  const { network } = account;
  const baseline = storageAccountBaseline(network.publicNetworkAccess === "Disabled" ? "private" : "selected-networks");
  return {
    location: account.location ?? environment.location,
    kind: account.kind,
    sku: { name: account.sku },
    tags: { ...environment.tags, ...account.tags },
    properties: {
      ...baseline.properties,
      publicNetworkAccess: network.publicNetworkAccess,
      networkAcls: {
        ...baseline.properties.networkAcls,
        defaultAction: network.defaultAction,
        ipRules: network.ipRules.map((value) => ({ value, action: "Allow" })),
      },
    },
  };
}

/** The baseline's blob data protection, retention from the environment. */
function blobServiceProperties(days: number): WireObject {
  const { deleteRetentionPolicy, containerDeleteRetentionPolicy, isVersioningEnabled } = blobServiceBaseline.properties;
  return {
    properties: {
      deleteRetentionPolicy: { ...deleteRetentionPolicy, days },
      containerDeleteRetentionPolicy: { ...containerDeleteRetentionPolicy, days },
      isVersioningEnabled,
    },
  };
}

/** The baseline's share soft delete and SMB hardening, retention from the environment. */
function fileServiceProperties(days: number): WireObject {
  const { shareDeleteRetentionPolicy, protocolSettings } = fileServiceBaseline.properties;
  return { properties: { shareDeleteRetentionPolicy: { ...shareDeleteRetentionPolicy, days }, protocolSettings } };
}

function lifecyclePolicy(lifecycle: NonNullable<StorageAccountConfig["lifecycle"]>): WireObject {
  const baseBlob: WireObject = { delete: { daysAfterModificationGreaterThan: lifecycle.deleteAfterDays } };
  if (lifecycle.tierToCoolAfterDays !== undefined)
    baseBlob.tierToCool = { daysAfterModificationGreaterThan: lifecycle.tierToCoolAfterDays };
  return {
    properties: {
      policy: {
        rules: [
          {
            name: "azure-infra-ops-lifecycle",
            enabled: true,
            type: "Lifecycle",
            definition: { actions: { baseBlob }, filters: { blobTypes: ["blockBlob"] } },
          },
        ],
      },
    },
  };
}
