import { copyScopeRule, localUsersAndSftpRule } from "./rules/access-features.ts";
import { accountNameRule } from "./rules/account-name.ts";
import { blobAnonymousAccessRule, publicContainersRule } from "./rules/anonymous-access.ts";
import { blobSoftDeleteRule, blobVersioningRule, containerSoftDeleteRule } from "./rules/blob-data-protection.ts";
import { deleteLockRule } from "./rules/delete-lock.ts";
import { customerManagedKeysRule, infrastructureEncryptionRule } from "./rules/encryption.ts";
import { fileShareSoftDeleteRule, smbChannelEncryptionRule, smbVersionRule } from "./rules/file-service.ts";
import {
  firewallDefaultDenyRule,
  privateEndpointRule,
  publicNetworkAccessRule,
  trustedServicesBypassRule,
} from "./rules/network.ts";
import { crossTenantReplicationRule, geoRedundancyRule } from "./rules/replication.ts";
import {
  accessKeyAgeRule,
  entraAuthorizationDefaultRule,
  keyExpirationPolicyRule,
  sasExpirationPolicyRule,
  sharedKeyDisabledRule,
} from "./rules/shared-key.ts";
import { minimumTlsRule, secureTransferRule } from "./rules/transport.ts";
import type { StorageRule } from "./storage-rule.ts";

/** Every storage rule, in the baseline's order. Diagnostic settings (logs sent to a workspace) are not checked yet. */
export const storageRules: readonly StorageRule[] = [
  secureTransferRule,
  minimumTlsRule,
  blobAnonymousAccessRule,
  publicContainersRule,
  sharedKeyDisabledRule,
  entraAuthorizationDefaultRule,
  keyExpirationPolicyRule,
  accessKeyAgeRule,
  sasExpirationPolicyRule,
  publicNetworkAccessRule,
  firewallDefaultDenyRule,
  trustedServicesBypassRule,
  privateEndpointRule,
  infrastructureEncryptionRule,
  customerManagedKeysRule,
  crossTenantReplicationRule,
  geoRedundancyRule,
  blobSoftDeleteRule,
  containerSoftDeleteRule,
  blobVersioningRule,
  fileShareSoftDeleteRule,
  smbVersionRule,
  smbChannelEncryptionRule,
  localUsersAndSftpRule,
  copyScopeRule,
  deleteLockRule,
  accountNameRule,
];

/** Related documents the storage rules may read, for collectors. */
export const storageRelatedDocuments: readonly string[] = [
  ...new Set(storageRules.flatMap((rule) => rule.related ?? [])),
];
