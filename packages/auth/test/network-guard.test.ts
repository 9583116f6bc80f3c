import net from "node:net";
import type { ConfigError } from "@infra/cli";
import { afterEach, describe, expect, it } from "vitest";
import { connectAzure } from "../src/connect-azure.ts";
import { DefaultManagedIdentityCredential } from "../src/default-managed-identity-credential.ts";
import { NoCredentialError } from "../src/errors.ts";
import { connectionAttempts, takeConnectionAttempts } from "./support/network-guard.ts";

const imds = "169.254.169.254";

afterEach(() => {
  expect(connectionAttempts().filter((a) => a.host === imds)).toEqual([]);
});

describe("the network guard every test file runs under", () => {
  it("blocks a connection to the instance metadata address before it is made", async () => {
    const socket = net.connect({ host: imds, port: 80 });
    const error = await new Promise<Error>((resolve) => socket.once("error", resolve));
    expect(error.message).toMatch(/network guard: blocked a connection to 169\.254\.169\.254:80/);
    // Taken out of the record, so this file's own afterAll (no escaped connections) still holds.
    expect(takeConnectionAttempts()).toEqual([{ host: imds, port: 80, allowed: false }]);
  });

  it("blocks fetch too (undici connects through the same socket)", async () => {
    await expect(fetch(`http://${imds}/metadata/instance`)).rejects.toThrow();
    expect(takeConnectionAttempts().map((a) => a.host)).toEqual([imds]);
  });
});

describe("managed identity never probes the instance metadata address off Azure compute", () => {
  it("AZURE_TOKEN_CREDENTIALS=prod on a laptop skips managed identity, with no connection attempted", async () => {
    const error = await connectAzure({
      task: "test",
      env: { AZURE_TOKEN_CREDENTIALS: "prod" },
      onAzureVirtualMachine: false,
      azureArcAgentInstalled: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoCredentialError);
    expect((error as ConfigError).problems.at(-1)?.message).toMatch(/never probed/);
    expect(connectionAttempts()).toEqual([]);
  });

  it("a custom cloud keeps the default chain off it even on an Azure VM", async () => {
    const env = {
      AZURE_AUTHORITY_HOST: "https://127.0.0.1:9",
      AZURE_RESOURCE_MANAGER_ENDPOINT: "https://127.0.0.1:9",
      AZURE_TOKEN_CREDENTIALS: "prod",
    };
    const error = await connectAzure({
      task: "test",
      env,
      onAzureVirtualMachine: true,
      azureArcAgentInstalled: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoCredentialError);
    expect((error as ConfigError).problems.at(-1)?.message).toMatch(/custom cloud is configured/);
    expect(connectionAttempts()).toEqual([]);
  });

  it("the credential itself re-checks process.env at every call", async () => {
    const saved = [
      "IDENTITY_ENDPOINT",
      "MSI_ENDPOINT",
      "AZURE_POD_IDENTITY_AUTHORITY_HOST",
      "AZURE_FEDERATED_TOKEN_FILE",
    ].map((n) => [n, process.env[n]]);
    for (const [name] of saved) delete process.env[name as string];
    try {
      const credential = new DefaultManagedIdentityCredential({ imdsAllowed: false });
      const error = await credential.getToken("https://management.azure.com/.default").catch((e: unknown) => e);
      expect((error as Error).name).toBe("CredentialUnavailableError");
      expect(connectionAttempts()).toEqual([]);
    } finally {
      for (const [name, value] of saved) if (value !== undefined) process.env[name as string] = value;
    }
  });
});
