import { unreadable } from "@infra/audit/rules";
import { describe, expect, it } from "vitest";
import { OWNER_ROLE_ID } from "../../src/related-documents.ts";
import { emptyResourceGroupRule } from "../../src/rules/empty-resource-group.ts";
import { groupDeleteLockRule } from "../../src/rules/group-delete-lock.ts";
import {
  resourceGroupGroupsOverUsersRule,
  subscriptionGroupsOverUsersRule,
} from "../../src/rules/groups-over-users.ts";
import { ownerCountRule } from "../../src/rules/owner-count.ts";
import { unownedResourcesRule } from "../../src/rules/unowned-resources.ts";
import {
  GROUP_ID,
  genericResource,
  OWNED,
  resourceGroup,
  roleAssignment,
  run,
  SUBSCRIPTION_ID,
  subscription,
} from "../governance-fixtures.ts";

const CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
const owners = (count: number, scope = SUBSCRIPTION_ID) =>
  Array.from({ length: count }, (_, index) => roleAssignment(OWNER_ROLE_ID, "User", scope, index));

describe("governance.empty-resource-group", () => {
  it.each([
    ["one resource", [genericResource("stdata01")], "pass"],
    ["no resources", [], "fail"],
  ])("%s -> %s", (_label, resources, expected) => {
    expect(run(emptyResourceGroupRule, resourceGroup(), { resources }).status).toBe(expected);
  });

  it("an unreadable resource list is an error, not an empty group", () => {
    expect(run(emptyResourceGroupRule, resourceGroup(), { resources: unreadable("403") }).status).toBe("error");
  });
});

describe("governance.owner-count", () => {
  it.each([
    ["3 Owners", owners(3), "pass"],
    ["4 Owners", owners(4), "fail"],
    [
      "4 Owners, one at a group (not counted)",
      [...owners(3), roleAssignment(OWNER_ROLE_ID, "User", GROUP_ID, 9)],
      "pass",
    ],
    ["scope in other casing counts", owners(4, SUBSCRIPTION_ID.toUpperCase()), "fail"],
    [
      "many Contributors",
      Array.from({ length: 9 }, (_, i) => roleAssignment(CONTRIBUTOR, "Group", SUBSCRIPTION_ID, i)),
      "pass",
    ],
  ])("%s -> %s", (_label, roleAssignments, expected) => {
    expect(run(ownerCountRule, subscription(), { roleAssignments }).status).toBe(expected);
  });

  it("an unreadable assignment list (Reader cannot always list) is an error", () => {
    expect(run(ownerCountRule, subscription(), { roleAssignments: unreadable("403") }).status).toBe("error");
  });
});

describe("governance.*-groups-over-users", () => {
  it.each([
    ["a group assignment", [roleAssignment(CONTRIBUTOR, "Group", GROUP_ID)], "pass"],
    ["a service principal", [roleAssignment(CONTRIBUTOR, "ServicePrincipal", GROUP_ID)], "pass"],
    ["a user at this group", [roleAssignment(CONTRIBUTOR, "User", GROUP_ID)], "fail"],
    [
      "a user inherited from the subscription (reported there)",
      [roleAssignment(CONTRIBUTOR, "User", SUBSCRIPTION_ID)],
      "pass",
    ],
  ])("resource group with %s -> %s", (_label, roleAssignments, expected) => {
    expect(run(resourceGroupGroupsOverUsersRule, resourceGroup(), { roleAssignments }).status).toBe(expected);
  });

  it("checks subscriptions too", () => {
    const roleAssignments = [roleAssignment(CONTRIBUTOR, "User", SUBSCRIPTION_ID)];
    expect(run(subscriptionGroupsOverUsersRule, subscription(), { roleAssignments }).status).toBe("fail");
  });
});

describe("governance.group-delete-lock", () => {
  const lock = (level: string) => ({
    id: `${GROUP_ID}/providers/Microsoft.Authorization/locks/l`,
    name: "l",
    properties: { level },
  });
  it.each([
    ["CanNotDelete", [lock("CanNotDelete")], true, "pass"],
    ["ReadOnly", [lock("ReadOnly")], true, "pass"],
    ["no lock", [], true, "fail"],
    ["no lock, not protected", [], false, "not-applicable"],
  ] as const)("%s, protected=%s -> %s", (_label, locks, isProtected, expected) => {
    expect(run(groupDeleteLockRule, resourceGroup(), { locks }, { protected: isProtected }).status).toBe(expected);
  });
});

describe("governance.unowned-resources", () => {
  it.each([
    ["all resources owned", OWNED, [genericResource("stdata01", OWNED)], "pass"],
    [
      "a hand-made resource",
      OWNED,
      [genericResource("stdata01", OWNED), genericResource("sthandmade", { owner: "bob" })],
      "fail",
    ],
    ["a resource without tags", OWNED, [genericResource("stnotags")], "fail"],
    ["an unmanaged group", {}, [genericResource("sthandmade")], "not-applicable"],
  ])("%s -> %s", (_label, groupTags, resources, expected) => {
    expect(run(unownedResourcesRule, resourceGroup(groupTags), { resources }).status).toBe(expected);
  });

  it("lists the unowned resource ids", () => {
    const finding = run(unownedResourcesRule, resourceGroup(OWNED), { resources: [genericResource("sthandmade")] });
    expect(finding.evidence[0]?.actual).toEqual([`${GROUP_ID}/providers/Microsoft.Storage/storageAccounts/sthandmade`]);
  });
});
