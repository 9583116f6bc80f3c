import { describe, expect, it } from "vitest";
import { isAtOrUnder, valueAt } from "../src/property-path.ts";

describe("valueAt", () => {
  const document = {
    properties: { networkAcls: { defaultAction: "Deny" }, sasPolicy: null, list: [1], MinimumTlsVersion: "TLS1_2" },
  };
  it.each([
    ["properties.networkAcls.defaultAction", "Deny"],
    ["properties.sasPolicy", null],
    ["properties.sasPolicy.sasExpirationPeriod", undefined],
    ["properties.missing.deeper", undefined],
    ["properties.list.0", undefined],
    // ARM sometimes answers with another casing of a property name.
    ["properties.minimumTlsVersion", "TLS1_2"],
  ])("%s -> %j", (path, expected) => {
    expect(valueAt(document, path)).toBe(expected);
  });
});

describe("isAtOrUnder", () => {
  it.each([
    ["properties.encryption", "properties.encryption", true],
    ["properties.encryption.keySource", "properties.encryption", true],
    ["properties.encryptionScope", "properties.encryption", false],
    ["tags[]", "tags", true],
  ])("%s under %s = %s", (path, rule, expected) => {
    expect(isAtOrUnder(path, rule)).toBe(expected);
  });
});
