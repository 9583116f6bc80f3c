import {
  checkAllowedLocation,
  declaredGroupNames,
  declaredIdentityNames,
  defineSection,
  guid,
  looseList,
  looseObject,
  looseText,
  region,
  reservedWordIn,
  resourceGroupName,
  shown,
  tags,
} from "@infra/environments";
import { z } from "zod";

/** Data-plane roles a storage section may grant; names as Azure's built-in role definitions spell them. */
export const STORAGE_DATA_ROLES = [
  "Storage Blob Data Reader",
  "Storage Blob Data Contributor",
  "Storage Blob Data Owner",
] as const;

const containerName = z.string().regex(/^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/, {
  error: (issue) =>
    `${shown(issue.input)} must be 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit`,
});

const ipRule = z.string().regex(/^(\d{1,3}\.){3}\d{1,3}(\/([0-9]|[12][0-9]|3[0-2]))?$/, {
  error: (issue) => `${shown(issue.input)} must be an IPv4 address or CIDR range such as 203.0.113.0/24`,
});

export const storageAccountSchema = z
  .strictObject({
    name: z
      .string({ error: "must be a storage account name" })
      .regex(/^[a-z0-9]{3,24}$/, {
        error: (issue) => `${shown(issue.input)} must be 3-24 lowercase letters and digits`,
      })
      .refine((name) => reservedWordIn(name) === undefined, {
        error: (issue) =>
          `${shown(issue.input)} holds the reserved word "${reservedWordIn(String(issue.input))}": Azure refuses it (ReservedResourceName); choose another name`,
      }),
    resourceGroup: resourceGroupName,
    location: region.optional(),
    sku: z
      .enum(
        [
          "Standard_LRS",
          "Standard_GRS",
          "Standard_RAGRS",
          "Standard_ZRS",
          "Standard_GZRS",
          "Standard_RAGZRS",
          "Premium_LRS",
          "Premium_ZRS",
        ],
        { error: (issue) => `${shown(issue.input)} is not a storage SKU; use e.g. Standard_LRS or Standard_GZRS` },
      )
      .default("Standard_LRS"),
    kind: z
      .enum(["StorageV2", "BlockBlobStorage"], {
        error: (issue) => `${shown(issue.input)} is not supported; use StorageV2 or BlockBlobStorage`,
      })
      .default("StorageV2"),
    network: z
      .strictObject({
        defaultAction: z.enum(["Deny", "Allow"], { error: "must be Deny or Allow" }).default("Deny"),
        publicNetworkAccess: z
          .enum(["Enabled", "Disabled"], { error: "must be Enabled or Disabled" })
          .default("Enabled"),
        ipRules: z.array(ipRule).max(200, { error: "Azure allows at most 200 IP rules" }).default([]),
      })
      .default({ defaultAction: "Deny", publicNetworkAccess: "Enabled", ipRules: [] }),
    softDeleteDays: z
      .number({ error: "must be a number of days" })
      .int({ error: "must be a whole number of days" })
      .min(7, { error: "must be at least 7 days (the audit baseline)" })
      .max(365, { error: "Azure allows at most 365 days" })
      .default(7),
    containers: z.array(z.strictObject({ name: containerName })).default([]),
    roleAssignments: z
      .array(
        z
          .strictObject({
            /** Who gets the role: a principal's object id, or... */
            principalId: guid("principal object id").optional(),
            /** ...the name of one of this environment's managed identities (created in the same apply if need be). */
            identity: z.string({ error: "must be the name of one of managedIdentities.identities" }).optional(),
            role: z.enum(STORAGE_DATA_ROLES, {
              error: (issue) =>
                `${shown(issue.input)} is not a storage data role; use one of ${STORAGE_DATA_ROLES.join(", ")}`,
            }),
            principalType: z.enum(["ServicePrincipal", "Group", "User"]).default("ServicePrincipal"),
          })
          .refine((grant) => (grant.principalId === undefined) !== (grant.identity === undefined), {
            error:
              "give exactly one of principalId (an object id) or identity (a managed identity of this environment)",
          })
          .refine((grant) => grant.identity === undefined || grant.principalType === "ServicePrincipal", {
            path: ["principalType"],
            error: "a managed identity is a ServicePrincipal; leave principalType out",
          }),
      )
      .default([]),
    lifecycle: z
      .strictObject({
        deleteAfterDays: z.number().int().min(1).max(36500),
        tierToCoolAfterDays: z.number().int().min(1).max(36500).optional(),
      })
      .optional(),
    tags: tags.optional(),
  })
  .superRefine((account, ctx) => {
    if (account.network.publicNetworkAccess === "Disabled" && account.network.ipRules.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["network", "ipRules"],
        message: "IP rules have no effect when publicNetworkAccess is Disabled; remove them or enable public access",
      });
    }
    const lifecycle = account.lifecycle;
    if (lifecycle?.tierToCoolAfterDays !== undefined && lifecycle.tierToCoolAfterDays >= lifecycle.deleteAfterDays) {
      ctx.addIssue({
        code: "custom",
        path: ["lifecycle", "tierToCoolAfterDays"],
        message: `must be less than deleteAfterDays (${lifecycle.deleteAfterDays}), or blobs are deleted before they are tiered`,
      });
    }
  });

export const storageSectionSchema = z.strictObject({
  accounts: z.array(storageAccountSchema).default([]),
});

export type StorageAccountConfig = z.output<typeof storageAccountSchema>;
export type StorageSection = z.output<typeof storageSectionSchema>;

/** `storage`: the accounts, their containers, settings and data-plane grants. */
export const storageSection = defineSection({
  key: "storage",
  schema: storageSectionSchema.default({ accounts: [] }),
  crossReferences(environment, report) {
    const groups = declaredGroupNames(environment);
    const identities = declaredIdentityNames(environment);
    const prefix = looseText(environment.namingPrefix);
    const accounts = new Map<string, number>();
    looseList(looseObject(environment.storage).accounts).forEach((account, index) => {
      const at = ["storage", "accounts", index];
      const name = looseText(account.name);
      if (name && accounts.has(name)) {
        report(
          [...at, "name"],
          `${shown(name)} is declared twice (also storage.accounts[${accounts.get(name)}]); names are global in Azure`,
        );
      } else if (name) accounts.set(name, index);
      if (name && prefix && /^[a-z0-9]{3,24}$/.test(name) && !name.startsWith(prefix)) {
        report([...at, "name"], `${shown(name)} must start with the naming prefix ${shown(prefix)}`);
      }
      const group = looseText(account.resourceGroup);
      if (group && !groups.has(group.toLowerCase())) {
        report([...at, "resourceGroup"], `${shown(group)} is not declared in resourceGroups; add it there first`);
      }
      checkAllowedLocation(environment, [...at, "location"], account.location, report);
      const containers = new Set<string>();
      looseList(account.containers).forEach((container, containerIndex) => {
        const containerName = looseText(container.name);
        if (containerName && containers.has(containerName)) {
          report(
            [...at, "containers", containerIndex, "name"],
            `${shown(containerName)} is declared twice in this account`,
          );
        }
        if (containerName) containers.add(containerName);
      });
      looseList(account.roleAssignments).forEach((grant, grantIndex) => {
        const identity = looseText(grant.identity);
        if (identity !== undefined && !identities.has(identity.toLowerCase())) {
          report(
            [...at, "roleAssignments", grantIndex, "identity"],
            `${shown(identity)} is not declared in managedIdentities.identities; add it there first`,
          );
        }
      });
    });
  },
});
