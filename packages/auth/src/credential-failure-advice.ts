import { redact } from "@infra/cli";
import type { CredentialName } from "./credential-names.ts";

/** What is known about the attempt besides the error: the identity asked for and, for OIDC, the token presented. */
export interface FailureContext {
  clientId?: string | undefined;
  tenantId?: string | undefined;
  /** Issuer and subject of the federated token presented (GitHub ID token or workload identity file). */
  presented?: { issuer: string; subject: string; audience?: string | undefined } | undefined;
}

/** The AADSTS code in an Entra ID error message, if any. */
export function aadstsCode(message: string): number | undefined {
  const match = /AADSTS(\d+)/.exec(message);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * Turns a credential's failure into one short line that says what to do. Pure. Unknown errors keep their first line,
 * redacted, so nothing secret can leak through an error message.
 */
export function adviceForCredentialFailure(name: CredentialName, error: unknown, context: FailureContext = {}): string {
  const message = error instanceof Error ? error.message : String(error);
  const client = context.clientId ? `'${context.clientId}'` : "(AZURE_CLIENT_ID)";
  const tenant = context.tenantId ? `'${context.tenantId}'` : "(AZURE_TENANT_ID)";
  switch (aadstsCode(message)) {
    case 70021: {
      const issuer = context.presented?.issuer ?? quoted(message, "Assertion Issuer") ?? "unknown";
      const subject = context.presented?.subject ?? quoted(message, "Assertion Subject") ?? "unknown";
      const audience = context.presented?.audience ?? quoted(message, "Assertion Audience");
      return (
        `AADSTS70021 no federated credential on ${client} matches the token presented: ` +
        `subject '${subject}', issuer '${issuer}'${audience ? `, audience '${audience}'` : ""}` +
        " - add a federated credential with exactly this subject (case-sensitive), or run from the environment/branch an existing one names"
      );
    }
    case 700024:
      return name === "GitHubActionsCredential"
        ? "AADSTS700024 the GitHub ID token had expired when presented - check the runner's clock; this path fetches a fresh token per request"
        : "AADSTS700024 the client assertion is outside its valid time range - it was fetched once and reused past its lifetime (or the clock is off); refresh the token file or fetch a new assertion per request";
    case 700016:
      return `AADSTS700016 application ${client} was not found in tenant ${tenant} - check AZURE_CLIENT_ID and AZURE_TENANT_ID (wrong tenant, or the app has no service principal there)`;
    case 7000215:
      return `AADSTS7000215 invalid client secret for ${client} - AZURE_CLIENT_SECRET must be the secret's Value, not its Secret ID; it may have expired: create a new one`;
    case 90002:
      return `AADSTS90002 tenant ${tenant} was not found - check AZURE_TENANT_ID and the cloud (AZURE_CLOUD, AZURE_AUTHORITY_HOST)`;
    default:
      break;
  }
  // MSAL could not read `{authority}/{tenant}/v2.0/.well-known/openid-configuration`; Entra answers an unknown tenant
  // there with AADSTS90002, which MSAL does not pass on.
  if (message.includes("endpoints_resolution_error")) {
    return `cannot read tenant ${tenant}'s OpenID configuration - the tenant id is wrong (AADSTS90002), or the authority is unreachable or untrusted: check AZURE_TENANT_ID, the cloud (AZURE_AUTHORITY_HOST) and NODE_EXTRA_CA_CERTS`;
  }
  const tool = developerToolAdvice(name, message);
  if (tool !== undefined) return tool;
  return firstLine(message);
}

// Developer tools' "unavailable" messages, as @azure/identity 4.14 words them. The not-installed text also says
// "az login", so it is matched first.
const developerTools: Partial<Record<CredentialName, readonly (readonly [RegExp, string])[]>> = {
  AzureCliCredential: [
    [/could not be found|ENOENT/i, "Azure CLI not installed (or not on PATH)"],
    [/az login/i, "not logged in - run `az login`"],
  ],
  AzureDeveloperCliCredential: [
    [/couldn't be found|ENOENT/i, "Azure Developer CLI not installed"],
    [/azd auth login/i, "not logged in - run `azd auth login`"],
  ],
  AzurePowerShellCredential: [
    [/Connect-AzAccount/i, "not logged in - run `Connect-AzAccount`"],
    [/install|ENOENT/i, "PowerShell or its Az module not installed"],
  ],
  VisualStudioCodeCredential: [
    [/Visual Studio Code/i, "not available (needs the @azure/identity-vscode plugin and a VS Code sign-in)"],
  ],
};

function developerToolAdvice(name: CredentialName, message: string): string | undefined {
  return developerTools[name]?.find(([pattern]) => pattern.test(message))?.[1];
}

function quoted(message: string, label: string): string | undefined {
  return new RegExp(`${label}: '([^']*)'`).exec(message)?.[1];
}

function firstLine(message: string): string {
  const line = redact(message.split("\n")[0] ?? "").trim();
  return line.length > 240 ? `${line.slice(0, 237)}...` : line || "failed without a message";
}
