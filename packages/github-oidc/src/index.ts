export { applyBootstrap, BootstrapFailedError, deployVariables } from "./apply-bootstrap.ts";
export { bootstrapCommand } from "./bootstrap-command.ts";
export { bootstrapKinds } from "./bootstrap-kinds.ts";
export { type BootstrapPlan, type BootstrapRequest, planBootstrap } from "./bootstrap-plan.ts";
export {
  checkCredentialLimit,
  credentialsAfterApply,
  FederatedCredentialLimitError,
  MAX_FEDERATED_CREDENTIALS,
} from "./credential-limit.ts";
export { assignsRoles, type DeployIdentityDesign, deployIdentities, type RoleGrant } from "./deploy-access.ts";
export { desiredBootstrap } from "./desired-bootstrap.ts";
export { federatedCredentialKind } from "./federated-credential-kind.ts";
export { GITHUB_AUDIENCE, GITHUB_ISSUER } from "./github-issuer.ts";
export {
  credentialName,
  type GitHubRepository,
  githubSubject,
  parseRepository,
  type SubjectContext,
} from "./github-subject.ts";
export { type GitHubVariable, githubVariables, renderGitHubVariables, variableSuffix } from "./github-variables.ts";
export { type DeployRole, identityGroupName, identityName } from "./names.ts";
export { roleAssignmentKind } from "./role-assignment-kind.ts";
export { type SetVariablesOutcome, setGitHubVariables } from "./set-github-variables.ts";
