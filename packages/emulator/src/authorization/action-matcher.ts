const cache = new Map<string, RegExp>();

// Whether an RBAC action pattern ("*", "*/read", "Microsoft.Authorization/*/Write") covers `action`, case-insensitively.
export function actionMatches(pattern: string, action: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    const body = pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&"))
      .join(".*");
    re = new RegExp(`^${body}$`, "i");
    cache.set(pattern, re);
  }
  return re.test(action);
}
