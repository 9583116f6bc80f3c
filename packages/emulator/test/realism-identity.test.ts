// Realism mode, directory side: a new principal is unknown to role assignment creates for a while (unless the
// create says its principalType), and a new role assignment grants nothing for a while. Real SDKs over HTTPS.
import { randomUUID } from "node:crypto";
import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { ManagedServiceIdentityClient } from "@azure/arm-msi";
import { ResourceManagementClient } from "@azure/arm-resources";
import { ClientSecretCredential } from "@azure/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, type RequestLogEntry, ROLE_IDS, SEED, startEmulator } from "../src/index.ts";
import { retryUntil } from "./support/retry-until.ts";

const sub = SEED.subscription1;
const TIME_SCALE = 0.01;
// In Azure time, as the config takes them: 2 s each at this time scale, long enough to act inside, short to wait out.
const REPLICATION_MS = 200_000;
const PROPAGATION_MS = 200_000;
const scaled = (ms: number) => ms * TIME_SCALE;

let emulator: Emulator;
let authorization: AuthorizationManagementClient;
const REALISM = {
  profile: "azure",
  timeScale: TIME_SCALE,
  principalReplicationMs: REPLICATION_MS,
  roleAssignmentPropagationMs: PROPAGATION_MS,
} as const;
let msi: ManagedServiceIdentityClient;

function credential(who: "ops" | "auditor"): ClientSecretCredential {
  return new ClientSecretCredential(SEED.tenantId, SEED[who].clientId, SEED[who].secret, {
    authorityHost: emulator.url,
    disableInstanceDiscovery: true,
  });
}
function resources(who: "ops" | "auditor"): ResourceManagementClient {
  return new ResourceManagementClient(credential(who), sub, {
    endpoint: emulator.url,
    retryOptions: { maxRetries: 0 },
  });
}
const roleDefinitionId = (role: keyof typeof ROLE_IDS) =>
  `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS[role]}`;
const groupScope = (rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}`;
/** When the emulator began answering the logged request (its log time is when the answer ended). */
const startedAt = (entry: RequestLogEntry) => Date.parse(entry.time) - entry.durationMs;

beforeAll(async () => {
  emulator = await startEmulator({
    config: { realism: REALISM },
  });
  const clientOptions = { endpoint: emulator.url, credentialScopes: ["https://management.azure.com/.default"] };
  authorization = new AuthorizationManagementClient(credential("ops"), sub, clientOptions);
  msi = new ManagedServiceIdentityClient(credential("ops"), sub, clientOptions);
  for (const rg of ["rg-replication", "rg-propagation"]) {
    await resources("ops").resourceGroups.createOrUpdate(rg, { location: "westeurope" });
  }
});
afterAll(async () => {
  await emulator?.close();
});

describe("principal replication", () => {
  it("a new identity's principal is PrincipalNotFound until it replicates; principalType ServicePrincipal is trusted at once", async () => {
    const scope = groupScope("rg-replication");
    const identity = await msi.userAssignedIdentities.createOrUpdate("rg-replication", "id-fresh", {
      location: "westeurope",
    });
    const principalId = identity.principalId ?? "";

    const refused = await authorization.roleAssignments
      .create(scope, randomUUID(), { roleDefinitionId: roleDefinitionId("contributor"), principalId })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ name: "RestError", statusCode: 400, code: "PrincipalNotFound" });
    expect((refused as Error).message).toBe(
      `Principal ${principalId.replaceAll("-", "")} does not exist in the directory ${SEED.tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`,
    );
    // Microsoft documents principalType as the way around the delay, for users and service principals, not groups.
    await expect(
      authorization.roleAssignments.create(scope, randomUUID(), {
        roleDefinitionId: roleDefinitionId("contributor"),
        principalId,
        principalType: "Group",
      }),
    ).rejects.toMatchObject({ statusCode: 400, code: "PrincipalNotFound" });
    const trusted = await authorization.roleAssignments.create(scope, randomUUID(), {
      roleDefinitionId: roleDefinitionId("reader"),
      principalId,
      principalType: "ServicePrincipal",
    });
    expect(trusted).toMatchObject({ principalId, principalType: "ServicePrincipal" });

    const { value: created, failures } = await retryUntil(() =>
      authorization.roleAssignments.create(scope, randomUUID(), {
        roleDefinitionId: roleDefinitionId("contributor"),
        principalId,
      }),
    );
    expect(created.principalId).toBe(principalId);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) expect(failure).toMatchObject({ code: "PrincipalNotFound" });

    const log = await emulator.admin.requests();
    const identityPut = log.find((e) => e.method === "PUT" && /userAssignedIdentities\/id-fresh\?/.test(e.path));
    const assignmentPuts = log.filter((e) => e.method === "PUT" && /roleAssignments\//.test(e.path));
    expect(assignmentPuts.map((e) => e.status).slice(0, 3)).toEqual([400, 400, 201]);
    expect(assignmentPuts[2]?.realism).toMatch(/^principalType ServicePrincipal skips the lookup/);
    const firstSuccessAfterWait = assignmentPuts.slice(3).find((e) => e.status === 201);
    if (!identityPut || !firstSuccessAfterWait) throw new Error("request log lacks the identity or the assignment");
    // The emulator enforces the delay: no plain create succeeded earlier than the replication time after the PUT.
    expect(Date.parse(firstSuccessAfterWait.time) - startedAt(identityPut)).toBeGreaterThanOrEqual(
      scaled(REPLICATION_MS) - 1,
    );
  });

  it("with principalTypeSkipsLookup false, even principalType ServicePrincipal waits for replication", async () => {
    await emulator.admin.config({ realism: { ...REALISM, principalTypeSkipsLookup: false } });
    try {
      const identity = await msi.userAssignedIdentities.createOrUpdate("rg-replication", "id-strict", {
        location: "westeurope",
      });
      const principalId = identity.principalId ?? "";
      const create = () =>
        authorization.roleAssignments.create(groupScope("rg-replication"), randomUUID(), {
          roleDefinitionId: roleDefinitionId("reader"),
          principalId,
          principalType: "ServicePrincipal",
        });
      await expect(create()).rejects.toMatchObject({ statusCode: 400, code: "PrincipalNotFound" });
      const { value } = await retryUntil(create);
      expect(value).toMatchObject({ principalId, principalType: "ServicePrincipal" });
    } finally {
      await emulator.admin.config({ realism: REALISM });
    }
  });

  it("a service principal added to the directory is not found either, until it replicates", async () => {
    const objectId = randomUUID();
    await emulator.admin.seed({
      principals: [{ name: "app-fresh", tenantId: SEED.tenantId, clientId: randomUUID(), objectId }],
    });
    await expect(
      authorization.roleAssignments.create(groupScope("rg-replication"), randomUUID(), {
        roleDefinitionId: roleDefinitionId("reader"),
        principalId: objectId,
      }),
    ).rejects.toMatchObject({ statusCode: 400, code: "PrincipalNotFound" });
    const { value } = await retryUntil(() =>
      authorization.roleAssignments.create(groupScope("rg-replication"), randomUUID(), {
        roleDefinitionId: roleDefinitionId("reader"),
        principalId: objectId,
      }),
    );
    expect(value.principalId).toBe(objectId);
  });

  it("the seeded principals have replicated long ago: assigning them a role works at once", async () => {
    const created = await authorization.roleAssignments.create(groupScope("rg-replication"), randomUUID(), {
      roleDefinitionId: roleDefinitionId("contributor"),
      principalId: SEED.auditor.objectId,
    });
    expect(created.principalId).toBe(SEED.auditor.objectId);
  });
});

describe("role assignment propagation", () => {
  it("a new assignment answers 403 AuthorizationFailed until it propagates, then the same write succeeds", async () => {
    const auditor = resources("auditor");
    const tagAsAuditor = () => auditor.resourceGroups.update("rg-propagation", { tags: { reviewed: "yes" } });
    await expect(tagAsAuditor()).rejects.toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });

    const assignment = await authorization.roleAssignments.create(groupScope("rg-propagation"), randomUUID(), {
      roleDefinitionId: roleDefinitionId("contributor"),
      principalId: SEED.auditor.objectId,
      principalType: "ServicePrincipal",
    });
    // The assignment exists at once (a GET by id finds it); it only grants nothing yet.
    expect((await authorization.roleAssignments.getById(assignment.id ?? "")).principalId).toBe(SEED.auditor.objectId);
    const refused = await tagAsAuditor().catch((error: unknown) => error);
    expect(refused).toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
    expect((refused as Error).message).toMatch(
      /does not have authorization to perform action 'Microsoft\.Resources\/subscriptions\/resourceGroups\/write'.*If access was recently granted, please refresh your credentials\.$/,
    );

    const { value: tagged, failures } = await retryUntil(tagAsAuditor);
    expect(tagged.tags).toEqual({ reviewed: "yes" });
    for (const failure of failures) expect(failure).toMatchObject({ statusCode: 403 });

    const log = await emulator.admin.requests();
    const assignmentPut = log.find((e) => e.method === "PUT" && e.path.includes(assignment.name ?? "-"));
    const auditorPatches = log.filter((e) => e.method === "PATCH" && e.principal === "auditor");
    expect(auditorPatches.at(-1)?.status).toBe(200);
    expect(auditorPatches.slice(0, -1).every((e) => e.status === 403)).toBe(true);
    const granted = auditorPatches.at(-1);
    if (!assignmentPut || !granted) throw new Error("request log lacks the assignment or the write");
    expect(Date.parse(granted.time) - startedAt(assignmentPut)).toBeGreaterThanOrEqual(scaled(PROPAGATION_MS) - 1);
  });
});
