import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AzureCliSession,
  type Emulator,
  isAzureCliInstalled,
  loginAzureCli,
  startEmulator,
} from "../src/index.ts";
import { SEED } from "../src/seed/seed-ids.ts";

/** The real Azure CLI (Debian's azure-cli 2.45) against the emulator, when `az` is installed. */
const azOnPath = isAzureCliInstalled();
if (!azOnPath) console.warn("azure-cli.test: skipped: `az` is not on PATH (apt-get install -y azure-cli to run it)");

let emulator: Emulator;
let session: AzureCliSession;
const az = (...args: string[]) => session.az(...args);

describe.skipIf(!azOnPath)("Azure CLI 2.45", () => {
  beforeAll(async () => {
    emulator = await startEmulator();
    session = await loginAzureCli(emulator);
  }, 120_000);

  afterAll(async () => {
    await emulator?.close();
    session?.close();
  });

  it("creates, lists and shows a resource group", async () => {
    const created = (await az("group", "create", "-n", "rg-az", "-l", "westeurope", "--tags", "owner=ops")) as Record<
      string,
      unknown
    >;
    expect(created).toMatchObject({ name: "rg-az", location: "westeurope", tags: { owner: "ops" } });
    const listed = (await az("group", "list")) as { name: string }[];
    expect(listed.map((g) => g.name)).toContain("rg-az");
    expect(await az("group", "show", "-n", "rg-az")).toMatchObject({ properties: { provisioningState: "Succeeded" } });
  }, 120_000);

  it("creates, shows, lists, updates and deletes a storage account (api-version 2022-09-01)", async () => {
    const created = (await az(
      "storage",
      "account",
      "create",
      "-g",
      "rg-az",
      "-n",
      "azcliacct01",
      "-l",
      "westeurope",
      "--sku",
      "Standard_LRS",
    )) as Record<string, unknown>;
    expect(created).toMatchObject({
      name: "azcliacct01",
      provisioningState: "Succeeded",
      enableHttpsTrafficOnly: true,
    });
    expect(await az("storage", "account", "show", "-g", "rg-az", "-n", "azcliacct01")).toMatchObject({
      kind: "StorageV2",
    });
    const listed = (await az("storage", "account", "list", "-g", "rg-az")) as { name: string }[];
    expect(listed.map((a) => a.name)).toEqual(["azcliacct01"]);
    const updated = await az(
      "storage",
      "account",
      "update",
      "-g",
      "rg-az",
      "-n",
      "azcliacct01",
      "--min-tls-version",
      "TLS1_2",
      "--tags",
      "env=dev",
    );
    expect(updated).toMatchObject({ minimumTlsVersion: "TLS1_2", tags: { env: "dev" } });
    await az("storage", "account", "delete", "-g", "rg-az", "-n", "azcliacct01", "--yes");
    await expect(az("storage", "account", "show", "-g", "rg-az", "-n", "azcliacct01")).rejects.toThrow(
      /ResourceNotFound/,
    );
    const log = await emulator.admin.requests();
    expect(log.some((e) => e.method === "PATCH" && e.path.includes("api-version=2022-09-01"))).toBe(true);
  }, 120_000);

  it("creates a user-assigned identity (api-version 2022-01-31-preview)", async () => {
    const identity = (await az("identity", "create", "-g", "rg-az", "-n", "az-identity", "-l", "westeurope")) as Record<
      string,
      unknown
    >;
    expect(identity).toMatchObject({ name: "az-identity", tenantId: SEED.tenantId });
    expect(identity.principalId).toMatch(/^[0-9a-f-]{36}$/);
    expect(identity.clientId).toMatch(/^[0-9a-f-]{36}$/);
  }, 120_000);

  it("deletes the resource group with what is in it", async () => {
    await az("group", "delete", "-n", "rg-az", "--yes");
    await expect(az("group", "show", "-n", "rg-az")).rejects.toThrow(/ResourceGroupNotFound/);
  }, 120_000);
});
