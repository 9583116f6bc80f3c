/**
 * The replayed cassettes (copied from the Azure CLI's test recordings, see cassettes/PROVENANCE.md) and what each
 * recorded test's preparers created before the recording started: the recorder does not record preparers.
 */
export type Prelude =
  | { group: string; location: string; storageAccount?: undefined }
  | {
      group: string;
      location: string;
      storageAccount: string;
      kind: "Storage" | "StorageV2";
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
const account = (
  groupName: string,
  name: string,
  apiVersion: string,
  kind: "Storage" | "StorageV2" = "StorageV2",
  properties?: Record<string, unknown>,
  location = "westus",
): Prelude[] => [
  group(groupName, location),
  { group: groupName, location, storageAccount: name, kind, sku: "Standard_LRS", apiVersion, properties },
];

export const CASSETTES: CassetteEntry[] = [
  { file: "identity/test_identity_management.yaml", prelude: [group("cli_test_identity_mgmt_000001")] },
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
  {
    file: "storage/test_create_storage_account_v2.yaml",
    prelude: [group("clitest.rg000001", "southcentralus")],
  },
  {
    file: "storage/test_storage_container_using_rm_main_scenario.yaml",
    prelude: account(
      "cli000001",
      "containerrm000002",
      "2021-08-01",
      "Storage",
      { allowBlobPublicAccess: true },
      "eastus",
    ),
  },
  {
    file: "storage/test_renew_account_key.yaml",
    prelude: account("clitest.rg000001", "clitest000002", "2021-08-01", "Storage"),
  },
  { file: "storage/test_management_policy.yaml", prelude: account("clitest.rg000001", "clitest000002", "2021-09-01") },
  {
    file: "storage/test_storage_account_update_delete_retention_policy.yaml",
    prelude: account("cli_storage_account_update_delete_retention_policy000001", "clitest000002", "2021-09-01"),
  },
  {
    file: "storage/test_storage_account_update_container_delete_retention_policy.yaml",
    prelude: account("cli_storage_account_update_delete_retention_policy000001", "clitest000002", "2021-06-01"),
  },
  {
    file: "storage/test_storage_account_update_versioning.yaml",
    prelude: account("cli_test_sa_versioning000001", "clitest000002", "2021-09-01"),
  },
  {
    file: "storage/test_storage_account_file_delete_retention_policy.yaml",
    prelude: account("cli_file_soft_delete000001", "filesoftdelete000002", "2021-06-01"),
  },
];
