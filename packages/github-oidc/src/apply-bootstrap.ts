import { existingIdentities, identityId } from "@infra/arm";
import { CliError, describeError, ExitCode, type Progress } from "@infra/cli";
import { applyPlan, hasPendingChanges } from "@infra/plan";
import { reportApplyProgress } from "@infra/task";
import type { BootstrapPlan, BootstrapRequest } from "./bootstrap-plan.ts";
import { type GitHubVariable, githubVariables } from "./github-variables.ts";
import { identityGroupName, identityName } from "./names.ts";

/** Some changes failed; the lines above say which. Apply converges: run it again once the cause is fixed. */
export class BootstrapFailedError extends CliError {
  constructor(failures: readonly string[]) {
    super(
      `${failures.length} change(s) failed; fix the cause and run the bootstrap again (it converges):\n${failures.map((line) => `  ${line}`).join("\n")}`,
      ExitCode.failure,
    );
    this.name = "BootstrapFailedError";
  }
}

/** Applies a bootstrap plan (when it has changes) and returns the variables GitHub needs. */
export async function applyBootstrap(
  request: BootstrapRequest,
  bootstrap: BootstrapPlan,
  progress?: Progress,
  options: { variables: boolean } = { variables: true },
): Promise<GitHubVariable[]> {
  if (hasPendingChanges(bootstrap.plan)) {
    const result = await applyPlan(bootstrap.plan, {
      kinds: bootstrap.kinds,
      ...(request.signal ? { signal: request.signal } : {}),
      onProgress: (event) => reportApplyProgress(progress, event),
    });
    const failures = [
      ...result.failed.map(
        ({ item, error }) =>
          `${item.action} ${item.address}: ${describeError(error).lines[0]?.replace(/^error: /, "") ?? String(error)}`,
      ),
      ...result.skipped.map(({ item, reason }) => `${item.action} ${item.address} skipped: ${reason}`),
    ];
    if (failures.length > 0) throw new BootstrapFailedError(failures);
  }
  return options.variables ? deployVariables(request) : [];
}

/** Reads the identities' client ids and turns them into the GitHub variables. */
export async function deployVariables(request: BootstrapRequest): Promise<GitHubVariable[]> {
  const { environment, azure } = request;
  const idOf = (role: "apply" | "read") =>
    identityId(azure.subscriptionId, identityGroupName(environment), identityName(environment, role));
  const identities = await existingIdentities(azure, [idOf("apply"), idOf("read")], request.signal);
  const clientId = (role: "apply" | "read") => {
    const found = identities.get(idOf(role).toLowerCase())?.clientId;
    if (!found)
      throw new CliError(`identity ${identityName(environment, role)} is missing after apply`, ExitCode.failure);
    return found;
  };
  return githubVariables(environment, azure.tenantId, azure.subscriptionId, {
    apply: clientId("apply"),
    read: clientId("read"),
  });
}
