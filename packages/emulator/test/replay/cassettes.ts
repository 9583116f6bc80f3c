/**
 * The replayed cassettes (copied from the Azure CLI's test recordings, see cassettes/PROVENANCE.md) and what each
 * recorded test's preparers created before the recording started: the recorder does not record preparers.
 */
type Kind = "Storage" | "StorageV2" | "FileStorage";

export type Prelude =
  | { group: string; location: string; storageAccount?: undefined }
  | {
      group: string;
      location: string;
      storageAccount: string;
      kind: Kind;
      sku: string;
      /** The api-version of the recorded test's own storage calls, so the account gets that era's defaults. */
      apiVersion: string;
      properties?: Record<string, unknown>;
    };

export interface CassetteEntry {
  /** Path under cassettes/. */
  file: string;
  prelude?: Prelude[];
}

const group = (name: string, location = "westus"): Prelude => ({ group: name, location });

interface AccountOptions {
  kind?: Kind;
  sku?: string;
  location?: string;
  properties?: Record<string, unknown>;
}

const account = (groupName: string, name: string, apiVersion: string, options: AccountOptions = {}): Prelude => ({
  group: groupName,
  location: options.location ?? "westus",
  storageAccount: name,
  kind: options.kind ?? "StorageV2",
  sku: options.sku ?? "Standard_LRS",
  apiVersion,
  properties: options.properties,
});

/** A group with one storage account in it, as the CLI's resource-group and storage-account preparers make them. */
const groupWithAccount = (groupName: string, name: string, apiVersion: string, options: AccountOptions = {}) => [
  group(groupName, options.location),
  account(groupName, name, apiVersion, options),
];

export const CASSETTES: CassetteEntry[] = [
  { file: "identity/test_identity_management.yaml", prelude: [group("cli_test_identity_mgmt_000001")] },
  { file: "identity/test_revoke_token.yaml", prelude: [group("cli_test_revoke_token_000001", "eastus2euap")] },
  {
    file: "identity/test_federated_identity_credential.yaml",
    prelude: [group("cli_test_federated_identity_credential_000001", "eastus2euap")],
  },
  { file: "resource/test_resource_group.yaml", prelude: [group("cli_test_rg_scenario000001")] },
  { file: "resource/test_tag_create_or_update_subscription.yaml" },
  { file: "resource/test_tag_get_subscription.yaml" },
  { file: "resource/test_tag_update_subscription.yaml" },
  {
    file: "resource/test_tag_create_or_update_resourcegroup.yaml",
    prelude: [group("test_tag_create_or_update_resourcegroup000001")],
  },
  { file: "resource/test_tag_update_resourcegroup.yaml", prelude: [group("test_tag_update_resourcegroup000001")] },
  {
    file: "resource/test_cannotdelete_resource_group_lock.yaml",
    prelude: [group("cli_test_cannotdelete_resource_group_lock000001")],
  },
  { file: "role/test_role_assignment_no_graph.yaml", prelude: [group("cli_role_assign000001")] },
  { file: "role/test_role_assignment_at_scope.yaml", prelude: [group("cli_role_assign000001")] },
  { file: "resource/test_tag_get_resourcegroup.yaml", prelude: [group("test_tag_get_resourcegroup000001")] },
  {
    file: "storage/test_create_storage_account_v2.yaml",
    prelude: [group("clitest.rg000001", "southcentralus")],
  },
  {
    file: "storage/test_storage_container_using_rm_main_scenario.yaml",
    prelude: groupWithAccount("cli000001", "containerrm000002", "2021-08-01", {
      kind: "Storage",
      location: "eastus",
      properties: { allowBlobPublicAccess: true },
    }),
  },
  {
    file: "storage/test_renew_account_key.yaml",
    prelude: groupWithAccount("clitest.rg000001", "clitest000002", "2021-08-01", { kind: "Storage" }),
  },
  {
    file: "storage/test_management_policy.yaml",
    prelude: groupWithAccount("clitest.rg000001", "clitest000002", "2021-09-01"),
  },
  {
    file: "storage/test_storage_account_update_delete_retention_policy.yaml",
    prelude: groupWithAccount(
      "cli_storage_account_update_delete_retention_policy000001",
      "clitest000002",
      "2021-09-01",
    ),
  },
  {
    file: "storage/test_storage_account_update_container_delete_retention_policy.yaml",
    prelude: groupWithAccount(
      "cli_storage_account_update_delete_retention_policy000001",
      "clitest000002",
      "2021-06-01",
    ),
  },
  {
    file: "storage/test_storage_account_update_versioning.yaml",
    prelude: groupWithAccount("cli_test_sa_versioning000001", "clitest000002", "2021-09-01"),
  },
  {
    file: "storage/test_storage_account_file_delete_retention_policy.yaml",
    prelude: groupWithAccount("cli_file_soft_delete000001", "filesoftdelete000002", "2021-06-01"),
  },
  {
    file: "storage/test_storage_account_update_change_feed.yaml",
    prelude: groupWithAccount("cli_storage_account_update_change_feed000001", "clitest000002", "2021-09-01"),
  },
  {
    file: "storage/test_storage_account_update_last_access.yaml",
    prelude: groupWithAccount("cli_test_sa_versioning000001", "clitest000002", "2021-06-01"),
  },
  {
    file: "storage/test_storage_account_default_service_properties.yaml",
    prelude: groupWithAccount("clitest.rg000001", "clitest000002", "2021-09-01"),
  },
  {
    file: "storage/test_storage_account_file_smb_multichannel.yaml",
    prelude: [
      ...groupWithAccount("cli_file_smb000001", "filesmb1000002", "2021-09-01", {
        kind: "FileStorage",
        sku: "Premium_LRS",
      }),
      account("cli_file_smb000001", "filesmb2000003", "2021-09-01"),
    ],
  },
  {
    file: "storage/test_storage_account_file_secured_smb.yaml",
    prelude: groupWithAccount("cli_file_smb000001", "filesmb000002", "2021-08-01", {
      kind: "FileStorage",
      sku: "Premium_LRS",
    }),
  },
  {
    file: "storage/test_storage_account_blob_cors_rule.yaml",
    prelude: groupWithAccount("cli_test_sa_blob_cors000001", "clitest000002", "2025-06-01"),
  },
  {
    file: "storage/test_storage_account_show_exit_codes.yaml",
    // The preparer's account as the recording shows it (made in 2022, when anonymous blob access was allowed by default).
    prelude: groupWithAccount("clitest.rg000001", "clitest000002", "2021-09-01", {
      kind: "Storage",
      properties: { allowBlobPublicAccess: true },
    }),
  },
  {
    file: "resource/test_readonly_resource_group_lock.yaml",
    prelude: [group("cli_test_readonly_resource_group_lock000001")],
  },
  { file: "resource/test_group_lock_commands.yaml", prelude: [group("cli_test_group_lock000001")] },
];
