import { fail, isAbsent, notApplicable, pass } from "@infra/audit/rules";
import { valueAt } from "@infra/plan/property-path";
import { STORAGE_LIMITS } from "../../baseline.ts";
import { accountProperty, isSharedKeyDisabled } from "../account-facts.ts";
import { sasPeriodSeconds } from "../sas-period.ts";
import { storageAccountRule } from "../storage-rule.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const SHARED_KEY_OFF = "shared key access is disabled, so account keys and account/service SAS cannot be used";

export const sharedKeyDisabledRule = storageAccountRule({
  id: "storage.shared-key-disabled",
  title: "Shared key (account key) authorization is disabled",
  severity: "high",
  rationale:
    "Account keys grant full control, never expire on their own and leave no identity in the logs. Absent or null means shared key is ALLOWED.",
  remediation: "az storage account update -g <group> -n <account> --allow-shared-key-access false",
  references: {
    cis: ["9.3.1.3"],
    azurePolicy: ["8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54"],
    psrule: ["Azure.Storage.LocalAuth"],
    prowler: ["storage_account_key_access_disabled"],
  },
  check: (audited) => {
    const evidence = { ...accountProperty(audited, "allowSharedKeyAccess"), expected: "false" };
    return evidence.actual === false
      ? pass("shared key access is disabled", evidence)
      : fail(
          evidence.actual === true ? "shared key access is allowed" : "shared key access is allowed (not set)",
          evidence,
        );
  },
});

export const entraAuthorizationDefaultRule = storageAccountRule({
  id: "storage.entra-authorization-default",
  title: "Microsoft Entra authorization is the default in the portal",
  severity: "medium",
  rationale:
    "With it the portal uses the signed-in identity and RBAC instead of quietly fetching account keys. Absent means false.",
  remediation: "az storage account update -g <group> -n <account> --set properties.defaultToOAuthAuthentication=true",
  references: { cis: ["9.3.3.1"], prowler: ["storage_default_to_entra_authorization_enabled"] },
  check: (audited) => {
    const evidence = { ...accountProperty(audited, "defaultToOAuthAuthentication"), expected: "true" };
    return evidence.actual === true
      ? pass("Entra authorization is the default", evidence)
      : fail("the portal defaults to account keys", evidence);
  },
});

export const keyExpirationPolicyRule = storageAccountRule({
  id: "storage.key-expiration-policy",
  title: `Access key expiration policy of at most ${STORAGE_LIMITS.maximumKeyExpirationDays} days`,
  severity: "medium",
  rationale:
    "A key expiration policy makes stale keys visible and rotation routine. Not applicable when shared key is disabled (ScoutSuite#1609 flagged such accounts by mistake).",
  remediation:
    "az storage account update -g <group> -n <account> --key-exp-days 90 (better: --allow-shared-key-access false)",
  references: {
    cis: ["9.3.1.1"],
    prowler: ["storage_key_rotation_90_days"],
  },
  check: (audited) => {
    const evidence = {
      ...accountProperty(audited, "keyPolicy.keyExpirationPeriodInDays"),
      expected: `1..${STORAGE_LIMITS.maximumKeyExpirationDays}`,
    };
    if (isSharedKeyDisabled(audited)) return notApplicable(SHARED_KEY_OFF, evidence);
    if (typeof evidence.actual !== "number") return fail("no key expiration policy", evidence);
    return evidence.actual <= STORAGE_LIMITS.maximumKeyExpirationDays
      ? pass(`keys expire after ${evidence.actual} days`, evidence)
      : fail(`keys expire after ${evidence.actual} days`, evidence);
  },
});

export const accessKeyAgeRule = storageAccountRule({
  id: "storage.access-key-age",
  title: "Access keys are rotated within the expiration period",
  severity: "medium",
  rationale:
    "A key older than the policy allows has been exposed for longer than intended. Without a policy the limit is 90 days. A key with no recorded creation time has not been rotated since tracking began. Not applicable when shared key is disabled.",
  remediation: "az storage account keys renew -g <group> -n <account> --key primary (then secondary)",
  references: { azurePolicy: ["044985bb-afe1-42cd-8a36-9d5d42424537"] },
  check: (audited, context) => {
    const limit = valueAt(audited.resource, "properties.keyPolicy.keyExpirationPeriodInDays");
    const maximumDays = typeof limit === "number" ? limit : STORAGE_LIMITS.maximumKeyExpirationDays;
    const keys = ["key1", "key2"].map((key) => ({
      ...accountProperty(audited, `keyCreationTime.${key}`),
      expected: `created within ${maximumDays} days`,
    }));
    if (isSharedKeyDisabled(audited)) return notApplicable(SHARED_KEY_OFF, ...keys);
    const problems = keys.flatMap((evidence) => {
      const key = evidence.path.split(".").at(-1);
      if (isAbsent(evidence.actual)) return [`${key} creation time unknown (never rotated)`];
      const created = Date.parse(String(evidence.actual));
      if (Number.isNaN(created)) return [`${key} creation time unreadable`];
      const age = Math.floor((context.now.getTime() - created) / DAY_MS);
      return age > maximumDays ? [`${key} is ${age} days old`] : [];
    });
    return problems.length === 0
      ? pass(`both keys are younger than ${maximumDays} days`, ...keys)
      : fail(`${problems.join("; ")} (limit ${maximumDays} days)`, ...keys);
  },
});

export const sasExpirationPolicyRule = storageAccountRule({
  id: "storage.sas-expiration-policy",
  title: `SAS expiration policy of at most ${STORAGE_LIMITS.maximumSasExpirationDays} days`,
  severity: "low",
  rationale:
    "Without a SAS expiration policy, account and service SAS tokens signed with the account key can be valid for years. Not applicable when shared key is disabled: such tokens cannot be used.",
  remediation: "az storage account update -g <group> -n <account> --sas-exp 1.00:00:00 --sas-exp-action Block",
  references: {
    azurePolicy: ["bc1b984e-ddae-40cc-801a-050a030e4fbe", "7aa1c9d5-3d7e-4579-8117-d85e99211757"],
    checkov: ["CKV2_AZURE_41"],
  },
  check: (audited) => {
    const evidence = {
      ...accountProperty(audited, "sasPolicy.sasExpirationPeriod"),
      expected: `<= ${STORAGE_LIMITS.maximumSasExpirationDays}.00:00:00`,
    };
    if (isSharedKeyDisabled(audited)) return notApplicable(SHARED_KEY_OFF, evidence);
    const seconds = sasPeriodSeconds(evidence.actual);
    if (seconds === undefined) return fail("no SAS expiration policy", evidence);
    return seconds <= STORAGE_LIMITS.maximumSasExpirationDays * 86_400
      ? pass(`SAS tokens limited to ${evidence.actual}`, evidence)
      : fail(`SAS tokens may live ${evidence.actual}`, evidence);
  },
});
