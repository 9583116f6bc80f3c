import { unreadable } from "@infra/audit/rules";
import { describe, expect, it } from "vitest";
import { blobAnonymousAccessRule, publicContainersRule } from "../../src/audit/rules/anonymous-access.ts";
import { minimumTlsRule, secureTransferRule } from "../../src/audit/rules/transport.ts";
import { ABSENT, account, container } from "./arm-fixtures.ts";
import { runRule } from "./check-rule.ts";

describe("storage.secure-transfer", () => {
  it.each([
    ["true", true, "pass"],
    ["false (the GetProperties example)", false, "fail"],
    ["absent = true on current api-versions (PSRule#2414)", ABSENT, "pass"],
  ])("supportsHttpsTrafficOnly %s -> %s", (_label, value, expected) => {
    const finding = runRule(secureTransferRule, account({ supportsHttpsTrafficOnly: value }));
    expect(finding.status).toBe(expected);
    expect(finding.evidence[0]?.path).toBe("properties.supportsHttpsTrafficOnly");
  });
});

describe("storage.minimum-tls", () => {
  it.each([
    ["TLS1_2", "pass"],
    ["TLS1_3", "pass"],
    ["TLS1_0", "fail"],
    ["TLS1_1", "fail"],
    [ABSENT, "fail"],
    [null, "fail"],
  ])("minimumTlsVersion %s -> %s", (value, expected) => {
    const finding = runRule(minimumTlsRule, account({ minimumTlsVersion: value }));
    expect(finding.status).toBe(expected);
    expect(finding.evidence[0]).toMatchObject({
      path: "properties.minimumTlsVersion",
      actual: value === ABSENT ? undefined : value,
    });
  });
});

describe("storage.blob-anonymous-access", () => {
  it.each([
    [true, "fail"],
    [false, "pass"],
    [ABSENT, "pass"],
    [null, "pass"],
  ])("allowBlobPublicAccess %s -> %s (absent/null = false)", (value, expected) => {
    expect(runRule(blobAnonymousAccessRule, account({ allowBlobPublicAccess: value })).status).toBe(expected);
  });
});

describe("storage.public-containers", () => {
  const privateContainers = [container("container4052", "None"), container("logs", ABSENT)];
  it.each([
    ["no containers", true, [], "pass"],
    ["only private containers (publicAccess None or absent)", true, privateContainers, "pass"],
    [
      "a Container-level public container on an account that allows it",
      true,
      [container("container1644", "Container"), ...privateContainers],
      "fail",
    ],
    ["a Blob-level public container on an account that allows it", true, [container("images", "Blob")], "fail"],
    [
      "a public container on an account that disallows anonymous access (dormant)",
      false,
      [container("container1644", "Container")],
      "pass",
    ],
    [
      "a public container on an account where the setting is absent (= false)",
      ABSENT,
      [container("container1644", "Container")],
      "pass",
    ],
  ])("%s -> %s", (_label, accountSetting, containers, expected) => {
    const finding = runRule(publicContainersRule, account({ allowBlobPublicAccess: accountSetting }), { containers });
    expect(finding.status).toBe(expected);
  });

  it("names the public containers in the message and evidence", () => {
    const finding = runRule(publicContainersRule, account({ allowBlobPublicAccess: true }), {
      containers: [container("container1644", "Container"), container("container4052", "None")],
    });
    expect(finding.message).toBe("public containers: container1644");
    expect(finding.evidence).toContainEqual({
      path: "containers.container1644.properties.publicAccess",
      actual: "Container",
      expected: "None or absent",
    });
  });

  it.each([
    ["unreadable", { containers: unreadable("403 AuthorizationFailed", "AuthorizationFailed") }],
    ["not collected", {}],
    ["not an array", { containers: { value: [] } }],
  ])("containers %s -> error, never pass", (_label, related) => {
    expect(runRule(publicContainersRule, account({ allowBlobPublicAccess: true }), related).status).toBe("error");
  });

  it("is not applicable to FileStorage accounts (no blob service)", () => {
    expect(runRule(publicContainersRule, account({}, { kind: "FileStorage" })).status).toBe("not-applicable");
  });
});
