import type { FederatedCredential, Principal, ResourceStore } from "../arm/contract.ts";

const FIC_TYPE = "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials";

/** The principal's own credentials plus those stored as ARM children of its user-assigned identity. */
export function federatedCredentialsOf(principal: Principal, store: ResourceStore): FederatedCredential[] {
  const out = [...principal.federatedCredentials];
  if (principal.resourceId) {
    for (const r of store.list({ scope: principal.resourceId, type: FIC_TYPE }, undefined, 20).items) {
      const p = r.properties ?? {};
      out.push({
        name: r.name,
        issuer: String(p.issuer ?? ""),
        subject: typeof p.subject === "string" ? p.subject : undefined,
        claimsMatchingExpression:
          typeof (p.claimsMatchingExpression as { value?: unknown } | undefined)?.value === "string"
            ? String((p.claimsMatchingExpression as { value: string }).value)
            : undefined,
        audiences: Array.isArray(p.audiences) ? p.audiences.map(String) : [],
      });
    }
  }
  return out;
}

/** Exact, case-sensitive issuer + subject (or claims expression) + audience match, as Entra does. */
export function matchesFederatedCredential(fic: FederatedCredential, claims: Record<string, unknown>): boolean {
  if (fic.issuer !== claims.iss) return false;
  const aud = Array.isArray(claims.aud) ? claims.aud.map(String) : [String(claims.aud)];
  if (!aud.some((a) => fic.audiences.includes(a))) return false;
  if (fic.subject !== undefined) return fic.subject === claims.sub;
  if (fic.claimsMatchingExpression !== undefined) return evaluateExpression(fic.claimsMatchingExpression, claims);
  return false;
}

/** `claims['sub'] matches 'repo:acme/*'` / `eq` clauses joined by `and` (the flexible-credential subset). */
function evaluateExpression(expression: string, claims: Record<string, unknown>): boolean {
  return expression.split(/\s+and\s+/i).every((part) => {
    const m = /^\s*claims\['([^']+)'\]\s+(matches|eq)\s+'([^']*)'\s*$/i.exec(part);
    if (!m) return false;
    const value = String(claims[m[1] as string] ?? "");
    const pattern = m[3] as string;
    if ((m[2] as string).toLowerCase() === "eq") return value === pattern;
    const re = new RegExp(
      `^${pattern
        .split("*")
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*")}$`,
    );
    return re.test(value);
  });
}
