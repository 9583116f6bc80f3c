/** Built-in role definition ids: the same in every tenant (docs/azure-behaviour.md). */
export const BUILT_IN_ROLE_IDS = {
  Reader: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
  Contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
  "User Access Administrator": "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
} as const;

export type BuiltInRole = keyof typeof BUILT_IN_ROLE_IDS;

/** roleDefinitionId as ARM returns it on an assignment: subscription-scoped. */
export function roleDefinitionId(subscriptionId: string, role: BuiltInRole): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLE_IDS[role]}`;
}
