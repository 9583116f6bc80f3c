import { defineCommand } from "@infra/cli";
import { parseAuthMethod } from "./auth-method.ts";
import type { AzureIdentitySummary } from "./azure-identity-summary.ts";
import { connectAzure } from "./connect-azure.ts";
import { credentialLabels } from "./credential-names.ts";
import { type HeldRole, listHeldRoles } from "./held-roles.ts";
import { privilegeWarnings } from "./privilege-warnings.ts";

/** What `whoami --json` prints. */
export interface WhoamiReport {
  identity: AzureIdentitySummary;
  /** How it was obtained: the credential's label and why it was chosen. */
  obtainedWith: { credential: string; basis: string };
  cloud: { name: string; resourceManagerEndpoint: string };
  subscription: { id: string; source: string };
  roles: HeldRole[];
  warnings: string[];
}

export const whoamiCommand = defineCommand({
  name: "whoami",
  summary: "show the Azure identity this repo's tasks would use, how it was obtained, and the roles it holds",
  usage: `  --subscription ID      the subscription to report roles in (default: AZURE_SUBSCRIPTION_ID, az's default, the only one)
  --audience AUDIENCE    GitHub ID token audience (default api://AzureADTokenExchange)`,
  options: {
    subscription: { type: "string" },
    audience: { type: "string" },
  },
  async run(context) {
    const auth = parseAuthMethod(context.flags.auth);
    const azure = await connectAzure({
      task: "whoami",
      env: context.env,
      auth,
      subscriptionId: context.values.subscription,
      gitHubAudience: context.values.audience,
      log: context.log,
      abortSignal: context.signal,
    });
    const roles = await listHeldRoles(azure, context.signal);
    const warnings = privilegeWarnings(roles);
    for (const warning of warnings) context.log.warn(warning);
    const report: WhoamiReport = {
      identity: azure.identity,
      obtainedWith: { credential: credentialLabels[azure.identity.credential], basis: azure.basis },
      cloud: { name: azure.cloud.name, resourceManagerEndpoint: azure.cloud.resourceManagerEndpoint },
      subscription: { id: azure.subscriptionId, source: azure.subscriptionSource },
      roles,
      warnings,
    };
    context.printResult(report, formatWhoami);
  },
});

export function formatWhoami(report: WhoamiReport): string {
  const { identity } = report;
  const name =
    identity.principalType === "User"
      ? (identity.userPrincipalName ?? identity.objectId)
      : `app ${identity.appId ?? "?"}`;
  const lines = [
    `identity      ${identity.principalType} ${name}`,
    `object id     ${identity.objectId}`,
    `tenant        ${identity.tenantId}`,
    `obtained with ${report.obtainedWith.credential} (${report.obtainedWith.basis})`,
    `token until   ${identity.expiresOn}`,
  ];
  if (identity.gitHub) lines.push(`github token  issuer ${identity.gitHub.issuer}, subject ${identity.gitHub.subject}`);
  lines.push(`cloud         ${report.cloud.name} (${report.cloud.resourceManagerEndpoint})`);
  lines.push(`subscription  ${report.subscription.id} (from ${report.subscription.source})`);
  if (report.roles.length === 0) lines.push("roles         none in this subscription");
  for (const [index, role] of report.roles.entries()) {
    lines.push(
      `${index === 0 ? "roles        " : "             "} ${role.roleName} at ${role.scope}${role.conditional ? " (with condition)" : ""}`,
    );
  }
  for (const warning of report.warnings) lines.push(`warning       ${warning}`);
  return lines.join("\n");
}
