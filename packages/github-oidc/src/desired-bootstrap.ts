import {
  BUILT_IN_ROLE_IDS,
  CREDENTIAL_KIND,
  credentialId,
  GITHUB_OIDC_TASK,
  githubOidcAddress,
  IDENTITY_KIND,
  identityId,
  ownershipNote,
  pendingPrincipal,
  RESOURCE_GROUP_KIND,
  ROLE_ASSIGNMENT_KIND,
  resourceGroupAddress,
  resourceGroupId,
  roleAssignmentId,
  roleAssignmentName,
  roleDefinitionId,
} from "@infra/arm";
import type { Environment } from "@infra/environments";
import type { DesiredResource } from "@infra/plan";
import { desiredResourceGroups } from "@infra/resource-groups";
import type { DeployIdentityDesign } from "./deploy-access.ts";
import { GITHUB_AUDIENCE, GITHUB_ISSUER } from "./github-issuer.ts";
import { credentialName, type GitHubRepository, githubSubject } from "./github-subject.ts";
import { identityGroupName } from "./names.ts";

export interface DesiredBootstrapInput {
  environment: Environment;
  subscriptionId: string;
  repository: GitHubRepository;
  identities: readonly DeployIdentityDesign[];
  /** Principal ids of identities that already exist, by identity name; the others are known after apply. */
  principals: ReadonlyMap<string, string>;
}

/**
 * Everything the trust needs, top to bottom: the environment's groups (role assignments need their scope to exist;
 * their locks are written here, by someone allowed to, so the apply identity never needs to), the identity group, per
 * identity its federated credentials and role assignments.
 */
export function desiredBootstrap(input: DesiredBootstrapInput): DesiredResource[] {
  const { environment, subscriptionId } = input;
  const group = identityGroupName(environment);
  const groupAddress = githubOidcAddress.group(group);
  const identityGroup: DesiredResource = {
    address: groupAddress,
    kind: RESOURCE_GROUP_KIND,
    id: resourceGroupId(subscriptionId, group),
    name: group,
    dependsOn: [],
    properties: { location: environment.location, tags: { ...environment.tags } },
    task: GITHUB_OIDC_TASK,
  };
  const perIdentity = input.identities.flatMap((design): DesiredResource[] => {
    const id = identityId(subscriptionId, group, design.name);
    const address = githubOidcAddress.identity(design.role);
    const identity: DesiredResource = {
      address,
      kind: IDENTITY_KIND,
      id,
      name: design.name,
      dependsOn: [groupAddress],
      properties: { location: environment.location, tags: { ...environment.tags, "github-role": design.role } },
      task: GITHUB_OIDC_TASK,
    };
    const credentials = design.subjects.map((context): DesiredResource => {
      const name = credentialName(context);
      return {
        address: githubOidcAddress.credential(design.role, name),
        kind: CREDENTIAL_KIND,
        id: credentialId(id, name),
        name,
        dependsOn: [address],
        properties: {
          properties: {
            issuer: GITHUB_ISSUER,
            subject: githubSubject(input.repository, context),
            audiences: [GITHUB_AUDIENCE],
          },
        },
        task: GITHUB_OIDC_TASK,
      };
    });
    const principalId = input.principals.get(design.name) ?? pendingPrincipal(id);
    const grants = design.grants.map((grant): DesiredResource => {
      // Named from the identity's resource id, not its principal id: the name is known before the identity exists.
      const name = roleAssignmentName(grant.scope, id, BUILT_IN_ROLE_IDS[grant.role]);
      return {
        address: githubOidcAddress.roleAssignment(design.role, grant.role, grant.scopeName),
        kind: ROLE_ASSIGNMENT_KIND,
        id: roleAssignmentId(grant.scope, name),
        name,
        dependsOn: [address, ...(grant.group ? [resourceGroupAddress(grant.group)] : [])],
        properties: {
          properties: {
            roleDefinitionId: roleDefinitionId(subscriptionId, grant.role),
            principalId,
            principalType: "ServicePrincipal",
            description: ownershipNote(environment.name, GITHUB_OIDC_TASK),
          },
        },
        task: GITHUB_OIDC_TASK,
      };
    });
    return [identity, ...credentials, ...grants];
  });
  return [...desiredResourceGroups(environment, subscriptionId), identityGroup, ...perIdentity];
}
