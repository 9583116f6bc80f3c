// The safety contract as properties, checked from the emulator's request log and its state before and after, over
// random estates (owned and unowned resources at every level, another environment beside this one), random
// environment files (impostors included), random edits to saved plans, random changes made between plan and apply,
// random failures, and random destroys and prunes. The run uses the root commands' own planning and apply code
// (planEnvironment, protectionOf, applyEnvironment with the lock in Azure), the real SDKs and the real emulator; only
// the processes are folded into this one. CONTRACT_RUNS and CONTRACT_SEED widen it (the nightly script).
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StorageManagementClient } from "@azure/arm-storage";
import { type AzureContext, connectAzure } from "@infra/auth";
import { AuthorizationManagementClient } from "@infra/auth/authorization-client";
import { createLogger } from "@infra/cli";
import { type Emulator, SEED, startEmulator } from "@infra/emulator";
import { type Environment, loadEnvironment } from "@infra/environments";
import { managedIdentitiesTask } from "@infra/managed-identities";
import { hasPendingChanges, type Plan, StalePlanError } from "@infra/plan";
import { resourceGroupsTask } from "@infra/resource-groups";
import { storageTask } from "@infra/storage";
import {
  applyDeadlines,
  applyEnvironment,
  azureApplyLock,
  localTaskRuntime,
  planEnvironment,
  protectionOf,
  type TaskRuntime,
} from "@infra/task";
import { taskList } from "@infra/tasks";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const RUNS = Number(process.env.CONTRACT_RUNS ?? 200);
const SEED_VALUE = Number(process.env.CONTRACT_SEED ?? 20261204);
const NAME = "pc";
const GROUPS = ["rg-pc-a", "rg-pc-b"];

let emulator: Emulator;
let ops: AzureContext;
let storage: StorageManagementClient;
/** Someone else, changing Azure between a plan and its apply: their writes are theirs, not the tool's. */
let outsider: StorageManagementClient;
let authorization: AuthorizationManagementClient;
const silent = createLogger({ write: { write: () => true } });
const never = new AbortController().signal;

interface AccountSpec {
  name: string;
  group: number;
  containers: string[];
  reader: boolean;
}
interface EnvironmentSpec {
  protected: boolean;
  groups: number;
  accounts: AccountSpec[];
  costCenter: string;
}

function environmentFile(spec: EnvironmentSpec) {
  return {
    name: NAME,
    subscriptionId: SEED.subscription1,
    location: "westeurope",
    namingPrefix: NAME,
    protected: spec.protected,
    tags: { owner: "platform-team", "cost-center": spec.costCenter },
    resourceGroups: GROUPS.slice(0, spec.groups).map((name) => ({ name })),
    storage: {
      accounts: spec.accounts
        .filter((account) => account.group < spec.groups)
        .map((account) => ({
          name: account.name,
          resourceGroup: GROUPS[account.group],
          containers: account.containers.map((name) => ({ name })),
          roleAssignments: account.reader
            ? [{ principalId: SEED.workload.objectId, role: "Storage Blob Data Reader" }]
            : [],
        })),
    },
  };
}

const accountSpec = fc.record({
  name: fc.constantFrom("pcacct0", "pcacct1", "pcacct2"),
  group: fc.integer({ min: 0, max: 1 }),
  containers: fc.uniqueArray(fc.constantFrom("data", "logs", "raw"), { maxLength: 2 }),
  reader: fc.boolean(),
});
const environmentSpec = fc.record({
  protected: fc.boolean(),
  groups: fc.integer({ min: 1, max: 2 }),
  accounts: fc.uniqueArray(accountSpec, { selector: (account) => account.name, maxLength: 3 }),
  costCenter: fc.constantFrom("ops", "eng"),
});

/** What someone else made in and around the environment before the run. */
const strangers = fc.record({
  handmadeAccount: fc.boolean(),
  handmadeContainer: fc.boolean(),
  handmadeRoleAssignment: fc.boolean(),
  otherEnvironmentAccount: fc.boolean(),
});

type Operation =
  | { kind: "provision"; prune: boolean }
  | { kind: "destroy" }
  | { kind: "saved-plan-edited"; edit: "properties" | "unowned-delete" | "subscription" | "action" }
  | { kind: "changed-between-plan-and-apply" }
  | { kind: "failing-write" };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant("provision" as const), prune: fc.boolean() }),
  fc.record({ kind: fc.constant("destroy" as const) }),
  fc.record({
    kind: fc.constant("saved-plan-edited" as const),
    edit: fc.constantFrom("properties" as const, "unowned-delete" as const, "subscription" as const, "action" as const),
  }),
  fc.record({ kind: fc.constant("changed-between-plan-and-apply" as const) }),
  fc.record({ kind: fc.constant("failing-write" as const) }),
);

const scenario = fc.record({
  live: environmentSpec,
  strangers,
  /** The file the run uses: the real one changed, or an impostor that claims the name without the protection. */
  file: fc.oneof(
    fc.record({ impostor: fc.constant(false), spec: environmentSpec }),
    fc.record({ impostor: fc.constant(true), spec: environmentSpec.map((spec) => ({ ...spec, protected: false })) }),
  ),
  typesTheName: fc.boolean(),
  operation,
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function runtimesFor(environment: Environment): TaskRuntime[] {
  const context = { azure: ops, environment, signal: never };
  return [resourceGroupsTask, storageTask, managedIdentitiesTask].map((task) =>
    localTaskRuntime(task, {
      connections: { provisioning: async () => context, auditing: async () => ({ azure: ops, environment }) },
      log: silent,
      signal: never,
    }),
  );
}

async function loaded(spec: unknown): Promise<Environment> {
  const dir = await mkdtemp(join(tmpdir(), "contract-"));
  const file = join(dir, "environment.json");
  await writeFile(file, JSON.stringify(spec));
  return loadEnvironment({ envFile: file }, await taskList.sections());
}

/** Plan, the protection question, the lock, the re-check, the apply: the root command's path, in this process. */
async function apply(environment: Environment, approved: Plan, request: { prune: boolean; destroy: boolean }) {
  const lock = await azureApplyLock({
    environment,
    command: request.destroy ? "destroy" : "provision",
    env: { ...emulator.env("ops"), INFRA_APPLY_LOCK_SECONDS: "15" },
    log: silent,
    signal: never,
  });
  return applyEnvironment({
    approved,
    planRequest: request,
    runtimes: runtimesFor(environment),
    lock,
    signal: never,
    deadlines: applyDeadlines(environment, {}),
  });
}

interface Snapshot {
  byId: Map<string, Record<string, unknown>>;
}
async function snapshot(): Promise<Snapshot> {
  const state = await emulator.admin.state();
  return { byId: new Map(state.resources.map((resource) => [resource.id.toLowerCase(), resource])) };
}

/** The stamp of a resource as it was: tags, a container's metadata, a lock's notes, a role assignment's description. */
function ownerOf(resource: Record<string, unknown>): string | undefined {
  const tags = resource.tags as Record<string, string> | undefined;
  if (tags?.["managed-by"] === "azure-infra-ops") return tags.environment;
  const properties = (resource.properties ?? {}) as Record<string, unknown>;
  const metadata = properties.metadata as Record<string, string> | undefined;
  if (metadata?.managedby === "azure-infra-ops") return metadata.environment;
  const note = String(properties.notes ?? properties.description ?? "");
  return /managed-by=azure-infra-ops/.test(note) ? /environment=([^;]+)/.exec(note)?.[1] : undefined;
}

/** Is `id` (or the nearest existing resource above it) owned by the environment in `before`? */
function writableIn(before: Snapshot, id: string): boolean {
  const segments = id.toLowerCase().split("/");
  for (let length = segments.length; length > 3; length -= 1) {
    const found = before.byId.get(segments.slice(0, length).join("/"));
    // An account's service settings carry no stamp of their own: they are the account's.
    if (found && !SETTINGS.test(String(found.type))) return ownerOf(found) === NAME;
  }
  return true; // a new resource at the top: a group the environment creates
}
const SETTINGS = /\/(blobServices|fileServices|managementPolicies|emulatorKeys)$/i;

/** Whose a resource is: its own stamp, or (for an account's settings, which have none) its account's. */
function ownerIn(before: Snapshot, resource: Record<string, unknown>): string | undefined {
  if (!SETTINGS.test(String(resource.type))) return ownerOf(resource);
  const account = before.byId.get(
    String(resource.id)
      .toLowerCase()
      .replace(/\/[^/]+\/[^/]+$/, ""),
  );
  return account ? ownerOf(account) : undefined;
}

/**
 * The tool's accepted writes since the log was cleared, less the lock's own bookkeeping (its container's holder
 * metadata): that is the lock, not the environment.
 */
async function writesSinceClear(): Promise<string[]> {
  return (await emulator.admin.requests())
    .filter((entry) => entry.principal === "ops" && entry.status < 400)
    .filter((entry) => entry.path.startsWith("/subscriptions/") && ["PUT", "PATCH", "DELETE"].includes(entry.method))
    .map((entry) => `${entry.method} ${entry.path.replace(/\?.*$/, "")}`)
    .filter((write) => !/\/containers\/apply-lock$/.test(write));
}

async function prepare(s: Scenario): Promise<void> {
  await emulator.admin.reset();
  await emulator.admin.config({ lro: { pollsBeforeDone: 0, retryAfterSeconds: 0 }, throttling: { enabled: false } });
  const real = await loaded(environmentFile(s.live));
  const planned = await planEnvironment(runtimesFor(real), { prune: false, destroy: false });
  if (hasPendingChanges(planned)) {
    const report = await apply(real, planned, { prune: false, destroy: false });
    expect(report.failed).toEqual([]);
  }
  const firstAccount = environmentFile(s.live).storage.accounts[0];
  if (s.strangers.handmadeAccount) {
    await storage.storageAccounts.create(GROUPS[0] ?? "", "pchandmade", {
      location: "westeurope",
      kind: "StorageV2",
      sku: { name: "Standard_LRS" },
    });
  }
  if (s.strangers.otherEnvironmentAccount) {
    await storage.storageAccounts.create(GROUPS[0] ?? "", "pcotherenv", {
      location: "westeurope",
      kind: "StorageV2",
      sku: { name: "Standard_LRS" },
      tags: { "managed-by": "azure-infra-ops", environment: "other", task: "storage" },
    });
  }
  if (firstAccount && s.strangers.handmadeContainer) {
    await storage.blobContainers.create(firstAccount.resourceGroup ?? "", firstAccount.name, "handmade", {});
  }
  if (firstAccount && s.strangers.handmadeRoleAssignment) {
    const account = await storage.storageAccounts.getProperties(firstAccount.resourceGroup ?? "", firstAccount.name);
    await authorization.roleAssignments.create(account.id ?? "", "9f3c1a2e-0000-4000-8000-00000000abcd", {
      roleDefinitionId: `/subscriptions/${SEED.subscription1}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`,
      principalId: SEED.workload.objectId,
      principalType: "ServicePrincipal",
    });
  }
}

/** How the cases ended, for the summary: a property that never reached an apply would prove little. */
const outcomes = new Map<string, number>();
const count = (outcome: string): void => {
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
};

/** Runs the scenario's operation; returns what it was meant to be allowed to do. */
async function operate(
  s: Scenario,
): Promise<{ mayWrite: boolean; succeeded: boolean; request: { prune: boolean; destroy: boolean } }> {
  const environment = await loaded(environmentFile(s.file.spec));
  const op = s.operation;
  const request = { prune: op.kind === "provision" ? op.prune : op.kind === "destroy", destroy: op.kind === "destroy" };
  const runtimes = runtimesFor(environment);
  let approved = await planEnvironment(runtimes, request);
  const protection = protectionOf(environment, approved);
  if (approved.problems.length > 0 || (protection.protected && !s.typesTheName) || !hasPendingChanges(approved)) {
    count(
      approved.problems.length > 0
        ? "refused in the plan (problems)"
        : !hasPendingChanges(approved)
          ? "nothing to change"
          : "protected, name not typed: not applied",
    );
    return { mayWrite: false, succeeded: approved.problems.length === 0, request };
  }
  let refusal: "stale" | undefined;
  if (op.kind === "saved-plan-edited") {
    // A saved plan is JSON on disk: anyone can edit any field of it.
    const saved = structuredClone(approved) as unknown as {
      subscriptionId: string;
      changes: Record<string, unknown>[];
    };
    if (op.edit === "subscription") saved.subscriptionId = SEED.subscription2;
    if (op.edit === "unowned-delete") {
      saved.changes.push({
        action: "delete",
        address: 'storage.account["legacydata001"]',
        kind: "Microsoft.Storage/storageAccounts",
        id: `/subscriptions/${SEED.subscription1}/resourceGroups/rg-legacy/providers/Microsoft.Storage/storageAccounts/legacydata001`,
        name: "legacydata001",
        task: "storage",
        dependsOn: [],
        diff: [],
        liveFingerprint: "sha256:edited",
      });
    }
    const target = saved.changes.find((change) => change.action !== "delete" && change.properties);
    if (op.edit === "properties" && target) {
      const properties = (target.properties ?? {}) as Record<string, unknown>;
      target.properties = { ...properties, edited: true };
    }
    if (op.edit === "action" && target) target.action = target.action === "create" ? "no-op" : "create";
    const edited = op.edit === "subscription" || op.edit === "unowned-delete" || target !== undefined;
    approved = saved as unknown as Plan;
    if (edited) refusal = "stale";
  }
  if (op.kind === "changed-between-plan-and-apply") {
    const account = approved.changes.find(
      (change) =>
        change.kind === "Microsoft.Storage/storageAccounts" && change.action !== "create" && change.action !== "delete",
    );
    if (account) {
      const [, , , , group, , , , name] = account.id.split("/");
      await outsider.storageAccounts.update(group ?? "", name ?? "", { minimumTlsVersion: "TLS1_0" });
      refusal = "stale";
    }
  }
  if (op.kind === "failing-write") {
    await emulator.admin.addFault({
      method: "PUT",
      path: "/(storageAccounts|resourcegroups)/",
      status: 400,
      code: "BadRequest",
      message: "refused for this case",
      count: 1,
    });
  }
  try {
    const report = await apply(environment, approved, request);
    if (refusal) throw new Error(`an apply that should have been refused ran: ${JSON.stringify(report.succeeded)}`);
    const succeeded = report.failed.length === 0 && report.skipped.length === 0;
    count(
      succeeded
        ? `applied (${op.kind === "destroy" ? "destroy" : request.prune ? "prune" : "provision"})`
        : "applied with failures",
    );
    return { mayWrite: true, succeeded, request };
  } catch (error) {
    if (refusal && error instanceof StalePlanError) {
      count(op.kind === "saved-plan-edited" ? "edited saved plan refused" : "stale plan refused");
      return { mayWrite: false, succeeded: false, request };
    }
    throw error;
  } finally {
    await emulator.admin.clearFaults();
  }
}

beforeAll(async () => {
  emulator = await startEmulator();
  ops = await connectAzure({ task: "contract", env: emulator.env("ops") });
  storage = new StorageManagementClient(ops.credential, SEED.subscription1, ops.clientOptions);
  const github = await connectAzure({ task: "contract-outsider", env: emulator.env("github") });
  outsider = new StorageManagementClient(github.credential, SEED.subscription1, github.clientOptions);
  authorization = new AuthorizationManagementClient(ops.credential, SEED.subscription1, ops.clientOptions);
});
afterAll(async () => {
  await emulator?.close();
});

describe("the safety contract, over random estates, files, edits and failures", () => {
  it(`holds for ${RUNS} random cases (seed ${SEED_VALUE})`, async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        cases += 1;
        await prepare(s);
        const before = await snapshot();
        await emulator.admin.clearRequests();
        const outcome = await operate(s);
        const writes = await writesSinceClear();
        const after = await snapshot();

        // Nothing this environment does not own is written or deleted, at any depth.
        for (const write of writes) {
          const id = write.split(" ")[1] ?? "";
          expect(writableIn(before, id), `${write} reached something environment ${NAME} did not own`).toBe(true);
        }
        for (const [id, resource] of before.byId) {
          // The emulator's own bookkeeping (the global account-name index) is not Azure's state.
          if (ownerIn(before, resource) === NAME || /\/emulatorAccountNames$/i.test(String(resource.type))) continue;
          expect(after.byId.get(id), `${id} (not ${NAME}'s) changed or vanished`).toEqual(resource);
        }
        // A protected environment is never written without its name typed; a stale or edited plan writes nothing.
        if (!outcome.mayWrite) expect(writes).toEqual([]);
        // After a successful apply a fresh plan is empty; after a destroy nothing of the environment is left.
        if (outcome.mayWrite && outcome.succeeded) {
          const environment = await loaded(environmentFile(s.file.spec));
          const again = await planEnvironment(runtimesFor(environment), outcome.request);
          expect(again.changes.filter((change) => change.action !== "no-op")).toEqual([]);
          if (outcome.request.destroy) {
            const left = [...after.byId.values()].filter((resource) => ownerOf(resource) === NAME);
            expect(left.map((resource) => resource.id)).toEqual([]);
          }
        }
      }),
      { numRuns: RUNS, seed: SEED_VALUE, endOnFailure: true },
    );
    expect(cases).toBe(RUNS);
    const summary = [...outcomes].map(([outcome, n]) => `${n} ${outcome}`).join(", ");
    console.log(`safety contract: ${cases} cases held (seed ${SEED_VALUE}): ${summary}`);
  }, 1_800_000);
});
