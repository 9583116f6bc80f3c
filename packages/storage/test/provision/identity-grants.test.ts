import { identityAddress, pendingPrincipal } from "@infra/arm";
import { validateEnvironment } from "@infra/environments";
import { describe, expect, it } from "vitest";
import { desiredStorage, grantedIdentityIds } from "../../src/provision/desired-storage.ts";
import { storageTask } from "../../src/provision/task.ts";

const sub = "11111111-0000-4000-8000-000000000001";
const environment = validateEnvironment(
  {
    name: "grants",
    location: "westeurope",
    namingPrefix: "grt",
    resourceGroups: [{ name: "rg-grt" }],
    managedIdentities: { identities: [{ name: "id-app", resourceGroup: "rg-grt" }] },
    storage: {
      accounts: [
        {
          name: "grtdata",
          resourceGroup: "rg-grt",
          roleAssignments: [{ identity: "ID-APP", role: "Storage Blob Data Reader" }],
        },
      ],
    },
  },
  "test",
  await storageTask.environmentSections(),
);
const identity = `/subscriptions/${sub}/resourceGroups/rg-grt/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-app`;
const grantOf = (principals: Map<string, string>) =>
  desiredStorage(environment, sub, principals).find((resource) => resource.kind.endsWith("roleAssignments"));

describe("a storage grant to an identity of the environment", () => {
  it("names the identity it needs", () => {
    expect(grantedIdentityIds(environment, sub)).toEqual([identity]);
  });

  it.each([
    {
      when: "the identity does not exist yet",
      principals: new Map<string, string>(),
      principal: pendingPrincipal(identity),
    },
    {
      when: "the identity exists",
      principals: new Map([[identity.toLowerCase(), "0b500000-0000-4000-8000-0000000000aa"]]),
      principal: "0b500000-0000-4000-8000-0000000000aa",
    },
  ])("when $when: its principal is $principal, and it waits for the identity", ({ principals, principal }) => {
    const grant = grantOf(principals);
    expect(grant?.address).toBe('storage.role-assignment["grtdata/Storage Blob Data Reader/id-app"]');
    expect(grant?.dependsOn).toContain(identityAddress("id-app"));
    expect(grant?.properties.properties).toMatchObject({ principalId: principal });
  });

  it("keeps one name whether or not the identity exists yet, so the plan before and after it matches", () => {
    const before = grantOf(new Map());
    const after = grantOf(new Map([[identity.toLowerCase(), "0b500000-0000-4000-8000-0000000000aa"]]));
    expect(after?.id).toBe(before?.id);
  });
});
