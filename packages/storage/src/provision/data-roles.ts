import type { StorageAccountConfig } from "../storage-section.ts";

export type StorageDataRole = StorageAccountConfig["roleAssignments"][number]["role"];

/** Built-in role definition ids (the same in every tenant; docs/azure-behaviour.md). */
export const STORAGE_DATA_ROLE_IDS: Record<StorageDataRole, string> = {
  "Storage Blob Data Reader": "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
  "Storage Blob Data Contributor": "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
  "Storage Blob Data Owner": "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
};

/** roleDefinitionId as ARM returns it on an assignment: subscription-scoped. */
export function roleDefinitionId(subscriptionId: string, role: StorageDataRole): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${STORAGE_DATA_ROLE_IDS[role]}`;
}
