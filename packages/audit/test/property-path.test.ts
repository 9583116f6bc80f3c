import { describe, expect, it } from "vitest";
import { isAbsent, propertyAt } from "../src/property-path.ts";

describe("propertyAt", () => {
  const document = { properties: { networkAcls: { defaultAction: "Deny" }, sasPolicy: null, list: [1] } };
  it.each([
    ["properties.networkAcls.defaultAction", "Deny"],
    ["properties.sasPolicy", null],
    ["properties.sasPolicy.sasExpirationPeriod", undefined],
    ["properties.missing.deeper", undefined],
    ["properties.list.0", undefined],
  ])("%s -> %j", (path, expected) => {
    expect(propertyAt(document, path)).toBe(expected);
  });

  it.each([
    [undefined, true],
    [null, true],
    [false, false],
    ["", false],
  ])("isAbsent(%j) = %s", (value, expected) => {
    expect(isAbsent(value)).toBe(expected);
  });
});
