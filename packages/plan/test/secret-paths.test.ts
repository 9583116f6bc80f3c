import { describe, expect, it } from "vitest";
import { isSecretPath } from "../src/secret-paths.ts";

describe("isSecretPath", () => {
  it.each<[string, boolean]>([
    ["keys.0.value", true],
    ["properties.primaryKey", true],
    ["key1", true],
    ["properties.clientSecret", true],
    ["properties.sasToken", true],
    ["properties.connectionString", true],
    ["properties.adminPassword", true],
    ["properties.allowSharedKeyAccess", false],
    ["properties.encryption.keySource", false],
    ["properties.keyPolicy.keyExpirationPeriodInDays", false],
    ["properties.minimumTlsVersion", false],
    ["tags", false],
  ])("%s -> %s", (path, secret) => {
    expect(isSecretPath(path)).toBe(secret);
  });

  it("honours paths a kind declares secret, and everything under them", () => {
    expect(isSecretPath("properties.webhook.url", ["properties.webhook"])).toBe(true);
  });
});
