/** ARM's answer that the resource (or its parent) does not exist. */
export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { statusCode?: unknown }).statusCode === 404;
}

/** ARM's refusal of an action the caller has no role for (not a missing resource, not a lock). */
export function isAuthorizationFailed(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { statusCode, code } = error as { statusCode?: unknown; code?: unknown };
  return statusCode === 403 && code === "AuthorizationFailed";
}
