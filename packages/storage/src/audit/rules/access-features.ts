import { fail, pass } from "@infra/audit/rules";
import { accountProperty } from "../account-facts.ts";
import { storageAccountRule } from "../storage-rule.ts";

export const localUsersAndSftpRule = storageAccountRule({
  id: "storage.local-users-sftp",
  title: "Local users and SFTP are disabled",
  severity: "medium",
  rationale:
    "Local users authenticate with passwords or SSH keys that live outside Entra ID, its conditional access and its logs. isLocalUserEnabled absent means enabled (the ARM default); isSftpEnabled absent means off.",
  remediation: "az storage account update -g <group> -n <account> --enable-local-user false --enable-sftp false",
  references: { checkov: ["CKV_AZURE_244"] },
  check: (audited) => {
    const localUsers = { ...accountProperty(audited, "isLocalUserEnabled"), expected: "false" };
    const sftp = { ...accountProperty(audited, "isSftpEnabled"), expected: "false or absent" };
    const problems = [
      ...(localUsers.actual === false
        ? []
        : [`local users are enabled${localUsers.actual === undefined ? " (not set)" : ""}`]),
      ...(sftp.actual === true ? ["SFTP is enabled"] : []),
    ];
    return problems.length === 0
      ? pass("local users and SFTP are off", localUsers, sftp)
      : fail(problems.join("; "), localUsers, sftp);
  },
});

const RESTRICTED_COPY_SCOPES = ["AAD", "PrivateLink"];

export const copyScopeRule = storageAccountRule({
  id: "storage.copy-scope",
  title: "Copy operations are restricted to the same tenant or private links",
  severity: "low",
  rationale:
    "An unrestricted copy scope lets anyone with write access copy data in from, or out to, any storage account anywhere. Absent means unrestricted.",
  remediation: "az storage account update -g <group> -n <account> --allowed-copy-scope AAD",
  references: {},
  check: (audited) => {
    const evidence = { ...accountProperty(audited, "allowedCopyScope"), expected: RESTRICTED_COPY_SCOPES.join(" | ") };
    return typeof evidence.actual === "string" && RESTRICTED_COPY_SCOPES.includes(evidence.actual)
      ? pass(`copy scope is ${evidence.actual}`, evidence)
      : fail(`copy scope is ${String(evidence.actual ?? "unrestricted (not set)")}`, evidence);
  },
});
