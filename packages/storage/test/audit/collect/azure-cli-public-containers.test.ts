import {
  type AzureCliSession,
  type Emulator,
  isAzureCliInstalled,
  loginAzureCli,
  SEED,
  startEmulator,
} from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storageAudit } from "../../../src/audit/collect/storage-audit.ts";
import { findingsOf, runAudit, signIn } from "./audit-emulator.ts";

/**
 * Containers opened with the real Azure CLI 2.45 (`--public-access blob` goes on the wire as `"publicAccess": "blob"`,
 * lowercase; ARM reads it case-insensitively) are then reported by the storage audit.
 */
const azOnPath = isAzureCliInstalled();
if (!azOnPath) {
  console.warn(
    "azure-cli-public-containers.test: skipped: `az` is not on PATH (apt-get install -y azure-cli to run it)",
  );
}

const GROUP = "rg-az-public";
const ACCOUNT = "azpublicblobs01";
let emulator: Emulator;
let session: AzureCliSession;

describe.skipIf(!azOnPath)("public containers made with the Azure CLI", () => {
  beforeAll(async () => {
    emulator = await startEmulator();
    session = await loginAzureCli(emulator);
    await session.az("group", "create", "-n", GROUP, "-l", "westeurope");
    await session.az(
      ...["storage", "account", "create", "-g", GROUP, "-n", ACCOUNT, "-l", "westeurope", "--sku", "Standard_LRS"],
      ...["--allow-blob-public-access", "true"],
    );
  }, 180_000);

  afterAll(async () => {
    await emulator?.close();
    session?.close();
  });

  it.each([
    ["blob", "Blob"],
    ["container", "Container"],
  ])(
    "creates a container with --public-access %s and reads it back as %s",
    async (flag, canonical) => {
      const name = `open-${flag}`;
      const created = await session.az(
        ...["storage", "container-rm", "create", "--storage-account", ACCOUNT, "-g", GROUP, "-n", name],
        ...["--public-access", flag],
      );
      expect(created).toMatchObject({ name, publicAccess: canonical });
      const shown = await session.az(
        "storage",
        "container-rm",
        "show",
        "--storage-account",
        ACCOUNT,
        "-g",
        GROUP,
        "-n",
        name,
      );
      expect(shown).toMatchObject({ publicAccess: canonical });
      const puts = (await emulator.admin.requests()).filter(
        (entry) => entry.method === "PUT" && entry.path.includes(`/containers/${name}?`),
      );
      expect(puts.map((entry) => entry.status)).toEqual([201]);
    },
    120_000,
  );

  it("reports the account's containers as public in the storage audit", async () => {
    const result = await runAudit(storageAudit, await signIn(emulator, "ops"), {
      subscriptionIds: [SEED.subscription1],
    });
    expect(findingsOf(result.findings, ACCOUNT)).toContain("storage.public-containers fail critical");
    const finding = result.findings.find(
      (f) => f.ruleId === "storage.public-containers" && f.resourceId.endsWith(`/${ACCOUNT}`),
    );
    expect(JSON.stringify(finding)).toContain("open-blob");
    expect(JSON.stringify(finding)).toContain("open-container");
  }, 120_000);
});
