/** An account this task provisions, located: what the child kinds need to read and write under it. */
export interface AccountLocation {
  readonly resourceGroup: string;
  readonly name: string;
}

export function storageAccountId(subscriptionId: string, account: AccountLocation): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${account.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${account.name}`;
}

/** Group and account name from any id at or under a storage account. */
export function accountLocationOf(id: string): AccountLocation {
  const match = /\/resourcegroups\/([^/]+)\/providers\/Microsoft\.Storage\/storageAccounts\/([^/]+)/i.exec(id);
  if (!match?.[1] || !match[2]) throw new TypeError(`not an id at or under a storage account: ${id}`);
  return { resourceGroup: match[1], name: match[2] };
}

/** The last segment of an ARM id. */
export function lastSegment(id: string): string {
  return id.split("/").filter(Boolean).at(-1) ?? id;
}
