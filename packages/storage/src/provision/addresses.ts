/** Plan addresses of the storage task's resources: `storage.<type>["<account>[/<child>]"]`. */
export const STORAGE_TASK = "storage";

export const storageAddress = {
  account: (account: string) => `${STORAGE_TASK}.account["${account}"]`,
  blobService: (account: string) => `${STORAGE_TASK}.blob-service["${account}"]`,
  fileService: (account: string) => `${STORAGE_TASK}.file-service["${account}"]`,
  container: (account: string, container: string) => `${STORAGE_TASK}.container["${account}/${container}"]`,
  lifecycle: (account: string) => `${STORAGE_TASK}.lifecycle["${account}"]`,
  roleAssignment: (account: string, role: string, principalId: string) =>
    `${STORAGE_TASK}.role-assignment["${account}/${role}/${principalId}"]`,
} as const;
