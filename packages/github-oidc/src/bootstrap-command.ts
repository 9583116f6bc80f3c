import { GITHUB_OIDC_TASK } from "@infra/arm";
import { connectAzure } from "@infra/auth";
import { DeclinedError, defineCommand, UsageError } from "@infra/cli";
import { loadEnvironment } from "@infra/environments";
import { hasPendingChanges, renderPlanText, summarizePlan } from "@infra/plan";
import { confirmApply } from "@infra/task";
import { taskList } from "@infra/tasks";
import { applyBootstrap, deployVariables } from "./apply-bootstrap.ts";
import { planBootstrap } from "./bootstrap-plan.ts";
import { parseRepository } from "./github-subject.ts";
import { renderGitHubVariables } from "./github-variables.ts";
import { setGitHubVariables } from "./set-github-variables.ts";

/**
 * `pnpm run bootstrap:github -- --repo OWNER/REPO --env prod`: run once per environment by someone who may assign roles
 * (Owner, or User Access Administrator + Contributor). Plan first, one confirmation, apply, then the GitHub variables.
 */
export const bootstrapCommand = defineCommand({
  name: "bootstrap:github",
  summary:
    "Create the identities GitHub Actions signs in as (OIDC, no secrets): federated credentials and least-privilege roles.",
  usage: `  --repo OWNER/REPO       the repository whose workflows sign in (required)
  --owner-id N --repo-id N   use the owner@id/repo@id subject form (repositories created after 2026-07-15)
  --default-branch NAME   the branch scheduled runs use (nightly audit); default main
  --prune                 delete credentials and roles this bootstrap made that are no longer wanted
  --destroy               remove everything this bootstrap made for the environment: its identities, their
                          federated credentials and role assignments, and the identity group (the environment's
                          own groups stay: they are provisioning's)
  --yes                   apply without asking (required without a terminal)
  --confirm-env NAME      for a protected environment without a terminal: its name
  --no-gh                 only print the variables, even when the GitHub CLI is logged in`,
  options: {
    repo: { type: "string" },
    "owner-id": { type: "string" },
    "repo-id": { type: "string" },
    "default-branch": { type: "string", default: "main" },
    prune: { type: "boolean" },
    destroy: { type: "boolean" },
    "confirm-env": { type: "string" },
    "no-gh": { type: "boolean" },
  },
  async run(run) {
    const destroy = run.values.destroy === true;
    if (destroy && run.values.prune)
      throw new UsageError("--destroy removes everything; --prune is not needed with it");
    if (!run.values.repo && !destroy) throw new UsageError("--repo OWNER/REPO is required");
    const repository = parseRepository(
      run.values.repo ?? "unused/unused",
      run.values["owner-id"],
      run.values["repo-id"],
    );
    const environment = await loadEnvironment(
      { env: run.flags.env, envFile: run.flags.envFile },
      await taskList.sections(),
    );
    const azure = await connectAzure({
      task: GITHUB_OIDC_TASK,
      env: run.env,
      subscriptionId: environment.subscriptionId,
      log: run.log,
      abortSignal: run.signal,
    });
    const request = {
      environment,
      repository,
      defaultBranch: run.values["default-branch"] ?? "main",
      prune: run.values.prune === true,
      destroy,
      azure,
      signal: run.signal,
      log: run.log,
    };
    const bootstrap = await planBootstrap(request);
    const { plan } = bootstrap;
    const color = !run.flags.json && process.stdout.isTTY === true && !process.env.NO_COLOR;
    (run.flags.json ? run.stderr : run.stdout).write(`${renderPlanText(plan, { color, kinds: bootstrap.kinds })}\n`);
    if (plan.problems.length > 0) {
      throw new UsageError(`the plan has ${plan.problems.length} problem(s) (listed above); nothing was changed`);
    }
    if (hasPendingChanges(plan)) {
      const summary = summarizePlan(plan);
      const confirmed = await confirmApply({
        action: destroy
          ? `delete ${summary.delete} resource(s) of the GitHub trust of ${environment.name}`
          : `apply ${summary.create + summary.update + summary.delete} change(s) to the GitHub trust of ${environment.name}`,
        environment: environment.name,
        protectedEnvironment: environment.protected,
        yes: run.flags.yes,
        confirmEnv: run.values["confirm-env"],
        input: process.stdin,
        output: process.stderr,
      });
      if (!confirmed) throw new DeclinedError();
    }
    if (destroy) {
      if (hasPendingChanges(plan)) await applyBootstrap(request, bootstrap, run.progress, { variables: false });
      run.printResult(
        { plan: summarizePlan(plan), variables: [], gh: { status: "skipped" } },
        () =>
          `The GitHub trust of ${environment.name} is removed. Delete its GitHub environment variables (AZURE_CLIENT_ID...) by hand.`,
      );
      return;
    }
    const variables = hasPendingChanges(plan)
      ? await applyBootstrap(request, bootstrap, run.progress)
      : await deployVariables(request);
    const repo = `${repository.owner}/${repository.name}`;
    const gh = run.values["no-gh"]
      ? { status: "skipped" as const, reason: "--no-gh" }
      : await setGitHubVariables(repo, variables, run.env);
    if (gh.status === "set") run.log.info("set %d variable(s) with the GitHub CLI", gh.count);
    else if (gh.status === "failed")
      run.log.warn("could not set the variables with gh: %s; set them by hand", gh.reason);
    else run.log.info("not setting the variables with gh: %s", gh.reason);
    run.printResult({ plan: summarizePlan(plan), variables, gh }, () => renderGitHubVariables(repo, variables));
  },
});
