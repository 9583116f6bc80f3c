import { fail, pass } from "@infra/audit/rules";
import { storageAccountRule } from "../storage-rule.ts";

const ARM_NAME = /^[a-z0-9]{3,24}$/;

export const accountNameRule = storageAccountRule({
  id: "storage.account-name",
  title: "Account name follows the naming convention",
  severity: "info",
  rationale:
    "A predictable name (the environment's prefix) tells people whose account it is and keeps automation's name patterns honest.",
  remediation: "Storage accounts cannot be renamed: create a correctly named account and move the data.",
  references: { psrule: ["Azure.Storage.Name", "Azure.Storage.Naming"] },
  check: (audited, context) => {
    const name = audited.resource.name;
    const prefix = context.namePrefix;
    const evidence = {
      path: "name",
      actual: name,
      expected: `^[a-z0-9]{3,24}$${prefix === undefined ? "" : `, starting with ${prefix}`}`,
    };
    if (!ARM_NAME.test(name)) return fail("name is not 3-24 lower-case letters and digits", evidence);
    if (prefix !== undefined && !name.startsWith(prefix)) return fail(`name does not start with ${prefix}`, evidence);
    return pass("name follows the convention", evidence);
  },
});
