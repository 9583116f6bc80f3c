import { type BuiltInRole, resourceGroupId } from "@infra/arm";
import type { Environment } from "@infra/environments";
import { resourceGroupsSection } from "@infra/environments";
import { storageSection } from "@infra/storage";
import type { SubjectContext } from "./github-subject.ts";
import { type DeployRole, identityName } from "./names.ts";

export interface RoleGrant {
  role: BuiltInRole;
  scope: string;
  /** For plan addresses and messages: the group's name, or `subscription`. */
  scopeName: string;
  /** Set when the scope is one of the environment's groups (an apply must create it first). */
  group?: string;
}

/** One deploy identity: the contexts it is trusted from and what it may do. */
export interface DeployIdentityDesign {
  role: DeployRole;
  name: string;
  subjects: SubjectContext[];
  grants: RoleGrant[];
}

export interface DeployAccessOptions {
  /** Scheduled and manual runs on this branch (the nightly audit) sign in as the read identity. */
  defaultBranch: string;
}

/** Whether the environment's tasks create role assignments: then apply needs to write them (and only then). */
export function assignsRoles(environment: Environment): boolean {
  return storageSection.of(environment).accounts.some((account) => account.roleAssignments.length > 0);
}

/**
 * Least privilege per job. Reading is subscription-wide for both: plans list each resource type once per
 * subscription, and the audit covers the whole subscription. Writing is limited to the environment's groups, and
 * role assignments (User Access Administrator) are granted there only when the environment's tasks assign roles.
 */
export function deployIdentities(
  environment: Environment,
  subscriptionId: string,
  options: DeployAccessOptions,
): DeployIdentityDesign[] {
  const subscription: RoleGrant = {
    role: "Reader",
    scope: `/subscriptions/${subscriptionId}`,
    scopeName: "subscription",
  };
  const onGroups = (role: BuiltInRole): RoleGrant[] =>
    resourceGroupsSection.of(environment).map((group) => ({
      role,
      scope: resourceGroupId(subscriptionId, group.name),
      scopeName: group.name,
      group: group.name,
    }));
  return [
    {
      role: "apply",
      name: identityName(environment, "apply"),
      subjects: [{ kind: "environment", environment: environment.name }],
      grants: [
        subscription,
        ...onGroups("Contributor"),
        ...(assignsRoles(environment) ? onGroups("User Access Administrator") : []),
      ],
    },
    {
      role: "read",
      name: identityName(environment, "read"),
      subjects: [{ kind: "pull_request" }, { kind: "branch", branch: options.defaultBranch }],
      grants: [subscription],
    },
  ];
}
