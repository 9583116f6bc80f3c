// Realism mode's configuration: validation that names the bad field, the azure profile's values under a time scale,
// the seeded draws, and the pure rules (principalType trust, list lag) it applies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminRequestError, type Emulator, startEmulator } from "../src/index.ts";
import { AZURE_PROFILE, resolveRealism } from "../src/realism/azure-profile.ts";
import { withoutRecentlyCreated } from "../src/realism/list-lag.ts";
import { skipsDirectoryLookup } from "../src/realism/principal-replication.ts";
import { InvalidConfigError, validateRealismConfig } from "../src/realism/realism-config.ts";
import { seededBetween } from "../src/realism/seeded-draw.ts";

describe("validateRealismConfig", () => {
  it.each([
    [{ profile: "azure" }],
    [{ profile: "off", timeScale: 0.5 }],
    [{ profile: "azure", timeScale: 0.01, seed: 42, listLagMs: 0, storageAccountLock: false }],
    [{ profile: "azure", operations: { "*": { minMs: 0, maxMs: 0 } } }],
    [
      {
        profile: "azure",
        operations: { "DELETE Microsoft.Resources/resourceGroups": { minMs: 1, maxMs: 2, retryAfterSeconds: 15 } },
      },
    ],
  ])("accepts %j", (config) => {
    expect(validateRealismConfig(config)).toEqual(config);
  });

  it.each([
    ["azure", "realism", /expected object/],
    [{}, "realism.profile", /expected one of "off"\|"azure"/],
    [{ profile: "aws" }, "realism.profile", /expected one of/],
    [{ profile: "azure", timeScale: 0 }, "realism.timeScale", /expected number to be >0/],
    [{ profile: "azure", timeScale: "fast" }, "realism.timeScale", /expected number/],
    [{ profile: "azure", seed: 1.5 }, "realism.seed", /expected int/],
    [{ profile: "azure", principalReplicationMs: -1 }, "realism.principalReplicationMs", /expected number to be >=0/],
    [{ profile: "azure", listLagMs: 1e12 }, "realism.listLagMs", /expected number to be <=86400000/],
    [{ profile: "azure", storageAccountLock: "yes" }, "realism.storageAccountLock", /expected boolean/],
    [{ profile: "azure", listlagms: 5 }, "realism.listlagms", /unknown setting/],
    [
      { profile: "azure", operations: { "PUT storageAccounts": { minMs: 1, maxMs: 2 } } },
      'realism.operations["PUT storageAccounts"]',
      /METHOD Namespace\/type/,
    ],
    [
      { profile: "azure", operations: { "PUT Microsoft.Storage/storageAccounts": { minMs: 5, maxMs: 2 } } },
      'realism.operations["PUT Microsoft.Storage/storageAccounts"].maxMs',
      /minMs must not exceed maxMs/,
    ],
    [
      { profile: "azure", operations: { "*": { minMs: 1, maxMs: 2, retryAfterSeconds: 0 } } },
      'realism.operations["*"].retryAfterSeconds',
      /expected number to be >=1/,
    ],
  ])("refuses %j, naming %s", (config, field, problem) => {
    const error = (() => {
      try {
        validateRealismConfig(config);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toMatch(problem);
    expect((error as Error).message.startsWith(`Invalid emulator config: ${field}: `)).toBe(true);
  });
});

describe("resolveRealism", () => {
  it("off models nothing, whatever else is set", () => {
    expect(resolveRealism({ profile: "off", listLagMs: 5 })).toBeUndefined();
  });

  it.each([
    [
      1,
      30_000,
      120_000,
      30_000,
      { minMs: 2_000, maxMs: 20_000 },
      { minMs: 10_000, maxMs: 60_000, retryAfterSeconds: 15 },
    ],
    [0.01, 300, 1_200, 300, { minMs: 20, maxMs: 200 }, { minMs: 100, maxMs: 600, retryAfterSeconds: 1 }],
    [
      0.5,
      15_000,
      60_000,
      15_000,
      { minMs: 1_000, maxMs: 10_000 },
      { minMs: 5_000, maxMs: 30_000, retryAfterSeconds: 8 },
    ],
  ])("the azure profile at time scale %d", (timeScale, replication, propagation, lag, storageCreate, groupDelete) => {
    const settings = resolveRealism({ profile: "azure", timeScale });
    expect(settings).toMatchObject({
      principalReplicationMs: replication,
      roleAssignmentPropagationMs: propagation,
      listLagMs: lag,
      storageAccountLock: true,
    });
    expect(settings?.operations.get("put microsoft.storage/storageaccounts")).toEqual(storageCreate);
    expect(settings?.operations.get("delete microsoft.resources/resourcegroups")).toEqual(groupDelete);
  });

  it("overrides replace the profile's values and are scaled like them", () => {
    const settings = resolveRealism({
      profile: "azure",
      timeScale: 0.1,
      listLagMs: 0,
      storageAccountLock: false,
      operations: { "PUT Microsoft.Storage/storageAccounts": { minMs: 1_000, maxMs: 2_000 } },
    });
    expect(settings).toMatchObject({ listLagMs: 0, storageAccountLock: false, principalReplicationMs: 3_000 });
    expect(settings?.operations.get("put microsoft.storage/storageaccounts")).toEqual({ minMs: 100, maxMs: 200 });
    expect(settings?.operations.get("*")).toEqual({ minMs: 100, maxMs: 1_000 });
  });

  it("the profile documents realistic orders of magnitude", () => {
    expect(AZURE_PROFILE.roleAssignmentPropagationMs).toBeLessThanOrEqual(600_000); // Microsoft: "up to 10 minutes"
    expect(AZURE_PROFILE.operations["PUT Microsoft.Storage/storageAccounts"]).toEqual({ minMs: 2_000, maxMs: 20_000 });
  });
});

describe("seededBetween", () => {
  it("draws the same value for the same seed and key, within the range", () => {
    const draws = Array.from({ length: 200 }, (_, i) => seededBetween(7, `PUT /acct${i} #1`, 2_000, 20_000));
    expect(draws).toEqual(Array.from({ length: 200 }, (_, i) => seededBetween(7, `PUT /acct${i} #1`, 2_000, 20_000)));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(2_000);
    expect(Math.max(...draws)).toBeLessThanOrEqual(20_000);
    // Spread over the range, not stuck at one end.
    expect(Math.max(...draws) - Math.min(...draws)).toBeGreaterThan(15_000);
  });

  it("another seed draws other values", () => {
    const of = (seed: number) => Array.from({ length: 20 }, (_, i) => seededBetween(seed, `k${i}`, 0, 1_000_000));
    expect(of(1)).not.toEqual(of(2));
  });

  it.each([
    [0, 0],
    [5, 5],
  ])("a range of one value [%d, %d] always draws it", (min, max) => {
    expect(seededBetween(3, "any", min, max)).toBe(min);
  });
});

describe("skipsDirectoryLookup", () => {
  it.each([
    [undefined, "2022-04-01", false],
    ["ServicePrincipal", "2022-04-01", true],
    ["serviceprincipal", "2018-09-01-preview", true],
    ["ServicePrincipal", "2018-07-01", false],
    ["User", "2020-03-01-preview", true],
    ["User", "2019-04-01-preview", false],
    ["Group", "2022-04-01", false],
    ["ForeignGroup", "2022-04-01", false],
  ])("principalType %s at api-version %s: %s", (principalType, apiVersion, skips) => {
    expect(skipsDirectoryLookup(principalType, apiVersion)).toBe(skips);
  });
});

describe("withoutRecentlyCreated", () => {
  const created = new Map([
    ["/a/new", 1_000],
    ["/a/old", 0],
  ]);
  const createdAt = (id: string) => created.get(id);
  const list = { value: [{ id: "/a/new" }, { id: "/a/old" }, { id: "/a/seeded" }], nextLink: "https://next" };

  it.each([
    [1_500, 1_000, ["/a/old", "/a/seeded"], 1],
    [2_000, 1_000, ["/a/new", "/a/old", "/a/seeded"], 0],
    [1_500, 0, ["/a/new", "/a/old", "/a/seeded"], 0],
  ])("at %d ms with a lag of %d ms lists %j", (now, lagMs, ids, hidden) => {
    const out = withoutRecentlyCreated(list, createdAt, lagMs, now);
    expect((out.body as typeof list).value.map((r) => r.id)).toEqual(ids);
    expect((out.body as typeof list).nextLink).toBe("https://next");
    expect(out.hidden).toBe(hidden);
  });

  it.each([[{ id: "/a/new" }], [undefined], [{ value: "not a list" }]])("leaves a non-list %j alone", (body) => {
    expect(withoutRecentlyCreated(body, createdAt, 1_000, 1_500)).toEqual({ body, hidden: 0 });
  });
});

describe("realism config through the control API and startEmulator", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it("is off by default, and a valid change is answered with the config in force", async () => {
    const before = await emulator.admin.config({});
    expect(before.realism).toEqual({ profile: "off" });
    const after = await emulator.admin.config({ realism: { profile: "azure", timeScale: 0.01 } });
    expect(after.realism).toEqual({ profile: "azure", timeScale: 0.01 });
    await emulator.admin.config({ realism: { profile: "off" } });
  });

  it("a bad value answers 400 InvalidConfig naming the field, and changes nothing", async () => {
    const refused = await emulator.admin
      .config({ realism: { profile: "azure", timeScale: -1 } })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AdminRequestError);
    expect(refused).toMatchObject({ status: 400 });
    const body = JSON.parse((refused as Error).message.replace(/^[^{]*/, "")) as { error: Record<string, string> };
    expect(body.error).toMatchObject({ code: "InvalidConfig", target: "realism.timeScale" });
    expect(body.error.message).toMatch(/^Invalid emulator config: realism\.timeScale: /);
    expect((await emulator.admin.config({})).realism).toEqual({ profile: "off", timeScale: 0.01 });
  });

  it("startEmulator refuses a bad config before it listens", async () => {
    await expect(
      startEmulator({ config: { realism: { profile: "azure", operations: { "*": { minMs: 9, maxMs: 1 } } } } }),
    ).rejects.toMatchObject({ name: "InvalidConfigError", field: 'realism.operations["*"].maxMs' });
  });
});
