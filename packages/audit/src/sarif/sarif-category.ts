/** Prefix of every category the audit uploads under. */
export const SARIF_CATEGORY_PREFIX = "azure-audit";

/**
 * `runAutomationDetails.id` of an audit: `azure-audit/<environment>/`, or `azure-audit/all/` without one, unless given.
 * Code scanning reads everything before the last `/` as the category and keeps a category's alerts apart from
 * another's, so a trailing `/` is added when missing (as upload-sarif does with its `category` input).
 */
export function sarifCategory(environment: string | undefined, explicit?: string): string {
  const id = explicit ?? `${SARIF_CATEGORY_PREFIX}/${environment ?? "all"}`;
  return id.endsWith("/") ? id : `${id}/`;
}
