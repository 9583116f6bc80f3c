import {
  CREDENTIAL_KIND,
  GITHUB_OIDC_TASK,
  GROUP_LOCK_KIND,
  IDENTITY_KIND,
  identityId,
  identityPrincipals,
  RESOURCE_GROUP_KIND,
  RESOURCE_GROUPS_TASK,
  ROLE_ASSIGNMENT_KIND,
  retryingTransientAnswers,
} from "@infra/arm";
import type { AzureContext } from "@infra/auth";
import type { Logger } from "@infra/cli";
import type { Environment } from "@infra/environments";
import { createPlan, type Plan, type ResourceKind } from "@infra/plan";
import { combinePlans } from "@infra/task";
import { bootstrapKinds } from "./bootstrap-kinds.ts";
import { checkCredentialLimit } from "./credential-limit.ts";
import { type DeployIdentityDesign, deployIdentities } from "./deploy-access.ts";
import { desiredBootstrap } from "./desired-bootstrap.ts";
import type { GitHubRepository } from "./github-subject.ts";
import { identityGroupName } from "./names.ts";

export interface BootstrapRequest {
  environment: Environment;
  repository: GitHubRepository;
  /** The branch scheduled runs (the nightly audit) run on. */
  defaultBranch: string;
  /** Delete credentials, role assignments and identities this bootstrap made and no longer wants. */
  prune: boolean;
  /** Plan the removal of everything this bootstrap made for the environment (its groups stay: they are provisioning's). */
  destroy?: boolean | undefined;
  azure: AzureContext;
  signal?: AbortSignal | undefined;
  /** Long-running operations' poll interval when ARM sends no Retry-After (tests). */
  pollIntervalMs?: number | undefined;
  /** Where retries of ARM's "not yet" answers are told (debug: seen with --verbose). */
  log?: Logger | undefined;
}

export interface BootstrapPlan {
  plan: Plan;
  kinds: ResourceKind[];
  identities: DeployIdentityDesign[];
}

/**
 * Reads what exists and decides what to change; changes nothing. Two plans made one: the environment's groups (their
 * own task's resources, never pruned from here) and this task's identities, credentials and roles.
 */
export async function planBootstrap(request: BootstrapRequest): Promise<BootstrapPlan> {
  const { environment, azure } = request;
  const subscriptionId = azure.subscriptionId;
  const identities = deployIdentities(environment, subscriptionId, { defaultBranch: request.defaultBranch });
  const idOf = (name: string) => identityId(subscriptionId, identityGroupName(environment), name).toLowerCase();
  const existing = await identityPrincipals(
    azure,
    identities.map((identity) => idOf(identity.name)),
    request.signal,
  );
  const principals = new Map(
    identities.flatMap((identity) => {
      const principal = existing.get(idOf(identity.name));
      return principal ? [[identity.name, principal] as const] : [];
    }),
  );
  const desired = desiredBootstrap({
    environment,
    subscriptionId,
    repository: request.repository,
    identities,
    principals,
  });
  const kinds = bootstrapKinds({
    azure,
    environment: environment.name,
    pollIntervalMs: request.pollIntervalMs,
  }).map((kind) => retryingTransientAnswers(kind, request.log));
  const common = {
    environment: environment.name,
    subscriptionId,
    protectedEnvironment: environment.protected,
    ...(request.signal ? { signal: request.signal } : {}),
  };
  const kindsOf = (...names: string[]) => kinds.filter((kind) => names.includes(kind.kind));
  const trustKinds = kindsOf(RESOURCE_GROUP_KIND, IDENTITY_KIND, CREDENTIAL_KIND, ROLE_ASSIGNMENT_KIND);
  if (request.destroy) {
    const teardown = await createPlan({
      ...common,
      tasks: [GITHUB_OIDC_TASK],
      kinds: trustKinds,
      desired: [],
      prune: true,
    });
    return { plan: combinePlans([teardown]), kinds, identities };
  }
  const [groups, trust] = await Promise.all([
    createPlan({
      ...common,
      tasks: [RESOURCE_GROUPS_TASK],
      kinds: kindsOf(RESOURCE_GROUP_KIND, GROUP_LOCK_KIND),
      desired: desired.filter((resource) => resource.task === RESOURCE_GROUPS_TASK),
      prune: false,
    }),
    createPlan({
      ...common,
      tasks: [GITHUB_OIDC_TASK],
      kinds: trustKinds,
      desired: desired.filter((resource) => resource.task === GITHUB_OIDC_TASK),
      prune: request.prune,
    }),
  ]);
  const plan = combinePlans([groups, trust]);
  checkCredentialLimit(plan);
  return { plan, kinds, identities };
}
