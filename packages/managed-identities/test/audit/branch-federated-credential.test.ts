import { type AuditedResource, evaluateRule, readable, unreadable } from "@infra/audit/rules";
import { describe, expect, it } from "vitest";
import { branchFederatedCredentialRule } from "../../src/audit/branch-federated-credential.ts";
import { FEDERATED_CREDENTIALS } from "../../src/audit/identity-audit-context.ts";

const GITHUB = "https://token.actions.githubusercontent.com";
const IDENTITY = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-app";
const context = { now: new Date("2026-01-15T00:00:00Z"), defaultBranch: "main" };

/** A federated credential as ARM lists it (wire JSON). */
const credential = (name: string, subject: string, issuer = GITHUB) => ({
  id: `${IDENTITY}/federatedIdentityCredentials/${name}`,
  name,
  type: "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials",
  properties: { issuer, subject, audiences: ["api://AzureADTokenExchange"] },
});

const identityWith = (credentials: unknown): AuditedResource => ({
  resource: { id: IDENTITY, name: "id-app", type: "Microsoft.ManagedIdentity/userAssignedIdentities" },
  related: { [FEDERATED_CREDENTIALS]: readable(credentials) },
});

describe("identity.branch-federated-credential", () => {
  it.each([
    ["a feature branch", [credential("feature", "repo:acme/infra:ref:refs/heads/feature")], "fail"],
    [
      "a nested branch in the owner@id/repo@id form",
      [credential("rel", "repo:acme@1/infra@2:ref:refs/heads/release/2026")],
      "fail",
    ],
    [
      "a branch beside a good environment credential",
      [credential("prod", "repo:acme/infra:environment:prod"), credential("dev", "repo:acme/infra:ref:refs/heads/dev")],
      "fail",
    ],
    ["the default branch", [credential("main", "repo:acme/infra:ref:refs/heads/main")], "pass"],
    ["an environment", [credential("prod", "repo:acme/infra:environment:prod")], "pass"],
    ["pull requests", [credential("pr", "repo:acme/infra:pull_request")], "pass"],
    ["a tag", [credential("tag", "repo:acme/infra:ref:refs/tags/v1")], "pass"],
    [
      "a GitHub Enterprise issuer with a path",
      [credential("f", "repo:acme/infra:ref:refs/heads/f", `${GITHUB}/acme`)],
      "fail",
    ],
    [
      "another issuer's subject",
      [credential("k8s", "system:serviceaccount:ns:sa", "https://oidc.example.com")],
      "not-applicable",
    ],
    [
      "a look-alike issuer",
      [credential("f", "repo:acme/infra:ref:refs/heads/f", "https://token.actions.example.com")],
      "not-applicable",
    ],
    ["no credentials", [], "not-applicable"],
  ])("%s -> %s", (_name, credentials, status) => {
    expect(evaluateRule(branchFederatedCredentialRule, identityWith(credentials), context).status).toBe(status);
  });

  it("names the branch and the credential's subject in the finding", () => {
    const finding = evaluateRule(
      branchFederatedCredentialRule,
      identityWith([credential("feature", "repo:acme/infra:ref:refs/heads/feature")]),
      context,
    );
    expect(finding.message).toBe("trusts pushes to branch feature");
    expect(finding.evidence).toEqual([
      {
        path: "federatedIdentityCredentials[feature].properties.subject",
        actual: "repo:acme/infra:ref:refs/heads/feature",
        expected: "an environment subject, or the default branch main",
      },
    ]);
  });

  it("takes the default branch from the context", () => {
    const trunk = identityWith([credential("trunk", "repo:acme/infra:ref:refs/heads/trunk")]);
    expect(evaluateRule(branchFederatedCredentialRule, trunk, context).status).toBe("fail");
    expect(evaluateRule(branchFederatedCredentialRule, trunk, { ...context, defaultBranch: "trunk" }).status).toBe(
      "pass",
    );
  });

  it.each([
    ["unreadable", { [FEDERATED_CREDENTIALS]: unreadable("GET ... answered 403 AuthorizationFailed: denied") }],
    ["not collected", {}],
    ["not a list", { [FEDERATED_CREDENTIALS]: readable({ value: [] }) }],
  ])("fails closed when the credentials are %s", (_name, related) => {
    const audited: AuditedResource = { resource: identityWith([]).resource, related };
    expect(evaluateRule(branchFederatedCredentialRule, audited, context).status).toBe("error");
  });
});
