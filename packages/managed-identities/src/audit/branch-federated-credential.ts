import { IDENTITY_KIND } from "@infra/arm/names";
import { type Evidence, fail, notApplicable, pass, type Rule, requireRelated } from "@infra/audit/rules";
import { branchOfSubject, isGitHubIssuer } from "./github-branch-subject.ts";
import { FEDERATED_CREDENTIALS, type IdentityAuditContext } from "./identity-audit-context.ts";

interface Credential {
  name: string;
  issuer: unknown;
  subject: unknown;
}

export const branchFederatedCredentialRule: Rule<IdentityAuditContext> = {
  id: "identity.branch-federated-credential",
  title: "GitHub federated credentials do not trust feature branches",
  severity: "medium",
  rationale:
    "A federated credential with the subject repo:<owner>/<repo>:ref:refs/heads/<branch> lets every workflow run on that branch sign in as the identity. Anyone who can push that branch can then act with the identity's roles, with no review and none of the protection rules a GitHub environment (or the protected default branch) would impose.",
  remediation:
    "Run the job in a GitHub environment with required reviewers and trust that instead: az identity federated-credential update -g <group> --identity-name <identity> -n <credential> --issuer https://token.actions.githubusercontent.com --subject repo:<owner>/<repo>:environment:<environment> (or delete the credential with az identity federated-credential delete).",
  references: {
    urls: [
      "https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims",
      "https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation-considerations",
    ],
  },
  resourceType: IDENTITY_KIND,
  related: [FEDERATED_CREDENTIALS],
  check(audited, context) {
    const github = credentialsOf(requireRelated(audited, FEDERATED_CREDENTIALS)).filter((credential) =>
      isGitHubIssuer(credential.issuer),
    );
    if (github.length === 0) return notApplicable("no GitHub federated credentials");
    const evidence = (credential: Credential): Evidence => ({
      path: `${FEDERATED_CREDENTIALS}[${credential.name}].properties.subject`,
      actual: credential.subject,
      expected: `an environment subject, or the default branch ${context.defaultBranch}`,
    });
    const offending = github.filter((credential) => {
      const branch = branchOfSubject(credential.subject);
      return branch !== undefined && branch !== context.defaultBranch;
    });
    if (offending.length > 0) {
      const branches = offending.map((credential) => branchOfSubject(credential.subject)).join(", ");
      return fail(`trusts pushes to branch ${branches}`, ...offending.map(evidence));
    }
    return pass(`${github.length} GitHub credential(s), none for a branch other than ${context.defaultBranch}`);
  },
};

// The collector hands over ARM's list as it came; anything else is a collector bug, which must not read as a pass.
function credentialsOf(value: unknown): Credential[] {
  if (!Array.isArray(value)) throw new TypeError(`${FEDERATED_CREDENTIALS} is not a list`);
  return value.map((item: { name?: unknown; properties?: { issuer?: unknown; subject?: unknown } }) => ({
    name: String(item.name),
    issuer: item.properties?.issuer,
    subject: item.properties?.subject,
  }));
}
