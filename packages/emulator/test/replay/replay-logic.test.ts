import { describe, expect, it } from "vitest";
import type { RecordedInteraction } from "./cassette.ts";
import { replaySteps } from "./cassette.ts";
import { type Answer, compareAnswers, type Divergence } from "./compare.ts";
import { Rewriter } from "./rewrite.ts";

/** The replay's own rules (what counts as the same answer, how a recording is rewritten), without an emulator. */
const LEARNED = "6f0c4b3a-2d1e-4f5a-9b8c-7d6e5f4a3b2c";
const knows = (id: string) => id === LEARNED;
const ok = (body: unknown): Answer => ({ status: 200, body });

describe("comparing a replayed answer with the recorded one", () => {
  it.each<[string, Answer, Answer, Divergence[]]>([
    [
      "identical bodies",
      ok({ name: "a", properties: { enabled: true } }),
      ok({ name: "a", properties: { enabled: true } }),
      [],
    ],
    [
      "another status",
      { status: 200, body: {} },
      { status: 202, body: {} },
      [{ kind: "status", path: "", recorded: 200, replayed: 202 }],
    ],
    [
      "an error with the same code and another message",
      { status: 409, body: { error: { code: "ScopeLocked", message: "a" } } },
      { status: 409, body: { error: { code: "ScopeLocked", message: "b" } } },
      [],
    ],
    [
      "an error with another code",
      { status: 400, body: { error: { code: "InvalidRequest", message: "a" } } },
      { status: 400, body: { error: { code: "BadRequest", message: "a" } } },
      [{ kind: "error-code", path: "error.code", recorded: "InvalidRequest", replayed: "BadRequest" }],
    ],
    [
      "a missing property",
      ok({ properties: { a: 1, b: [] } }),
      ok({ properties: { a: 1 } }),
      [{ kind: "missing", path: "properties.b" }],
    ],
    [
      "an extra property",
      ok({ properties: {} }),
      ok({ properties: { notes: null } }),
      [{ kind: "extra", path: "properties.notes" }],
    ],
    [
      "another enum value",
      ok({ properties: { publicAccess: "Blob" } }),
      ok({ properties: { publicAccess: "blob" } }),
      [{ kind: "value", path: "properties.publicAccess", recorded: "Blob", replayed: "blob" }],
    ],
    [
      "times, etags and key values",
      ok({ etag: '"1"', t: "2023-01-02T03:04:05Z", keys: [{ keyName: "key1", value: "x" }] }),
      ok({ etag: '"2"', t: "2026-01-01T00:00:00Z", keys: [{ keyName: "key1", value: "y" }] }),
      [],
    ],
    [
      "a GUID Azure generated and the replay never paired",
      ok({ principalId: "0d5b1a9e-0000-4000-8000-00000000abcd" }),
      ok({ principalId: "11111111-2222-4333-8444-555555555555" }),
      [],
    ],
    [
      "a GUID the replay knows",
      ok({ principalId: LEARNED }),
      ok({ principalId: "11111111-2222-4333-8444-555555555555" }),
      [{ kind: "value", path: "principalId", recorded: LEARNED, replayed: "11111111-2222-4333-8444-555555555555" }],
    ],
    [
      "list elements paired by name whatever their order",
      ok({
        value: [
          { name: "a", v: 1 },
          { name: "b", v: 2 },
        ],
      }),
      ok({
        value: [
          { name: "b", v: 2 },
          { name: "a", v: 1 },
        ],
      }),
      [],
    ],
    [
      "a list of another length",
      ok({ value: [{ name: "a" }, { name: "b" }] }),
      ok({ value: [{ name: "a" }] }),
      [{ kind: "count", path: "value[]", recorded: 2, replayed: 1 }],
    ],
    [
      "a static-website endpoint on another zone",
      ok({ web: "https://acct.z13.web.core.windows.net/" }),
      ok({ web: "https://acct.z6.web.core.windows.net/" }),
      [],
    ],
  ])("%s", (_, recorded, replayed, expected) => {
    expect(compareAnswers(recorded, replayed, knows)).toEqual(expected);
  });
});

describe("rewriting a recording for the emulator", () => {
  const rewriter = new Rewriter({
    baseUrl: "https://127.0.0.1:4443",
    subscriptionId: "11111111-0000-4000-8000-000000000001",
    tenantId: "c0ffee00-0000-4000-8000-000000000001",
    tag: "07",
  });
  it.each([
    [
      "host and the recorder's subscription",
      "https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups?api-version=2022-09-01",
      "https://127.0.0.1:4443/subscriptions/11111111-0000-4000-8000-000000000001/resourcegroups?api-version=2022-09-01",
    ],
    [
      "a recorded tenant",
      '{"tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47"}',
      '{"tenantId":"c0ffee00-0000-4000-8000-000000000001"}',
    ],
    ["a generated resource group name", "cli_test_lock000001", "cli_test_lockr0701"],
    ["a generated storage account name stays lowercase alphanumerics and no longer", "clitest000002", "clitestr0702"],
    ["a name with dots", "clitest.rg000001", "clitest.rgr0701"],
    ["a canary region", '{"location":"eastus2euap"}', '{"location":"eastus2"}'],
    [
      "a GUID that is not a placeholder",
      "a1b2c3d4-0000-4000-8000-000000000001",
      "a1b2c3d4-0000-4000-8000-000000000001",
    ],
    ["a hex token ending in the counter pattern", "deadbeef000001", "deadbeef000001"],
  ])("%s", (_, input, expected) => {
    expect(rewriter.text(input)).toBe(expected);
  });

  it("maps a GUID learned from an answer in every later request", () => {
    const learning = new Rewriter({ baseUrl: "https://e", subscriptionId: "s", tenantId: "t", tag: "01" });
    const recorded = "9a1e2b3c-4d5e-4f60-8a7b-6c5d4e3f2a1b";
    const emulated = "0b500000-0000-4000-8000-000000000009";
    expect(learning.knows(emulated)).toBe(false);
    learning.learn({ properties: { principalId: recorded } }, { properties: { principalId: emulated } });
    expect(learning.text(`/roleAssignments/${recorded}`)).toBe(`/roleAssignments/${emulated}`);
    expect(learning.knows(emulated)).toBe(true);
  });
});

describe("folding a long-running operation's recorded polls", () => {
  const interaction = (
    index: number,
    method: string,
    uri: string,
    status: number,
    extra: Partial<RecordedInteraction> = {},
  ) => ({
    index,
    method,
    uri,
    body: undefined,
    status,
    headers: {},
    responseText: "",
    ...extra,
  });
  it.each([
    [
      "a 202 with Location and two polls",
      [
        interaction(1, "PUT", "/acct", 202, { headers: { location: "/op" } }),
        interaction(2, "GET", "/op", 202),
        interaction(3, "GET", "/op", 200, { responseText: "{}" }),
        interaction(4, "GET", "/acct", 200),
      ],
      [
        [1, 2, 200],
        [4, 0, 200],
      ],
    ],
    [
      "a 202 with Azure-AsyncOperation",
      [
        interaction(1, "DELETE", "/rg", 202, { headers: { "azure-asyncoperation": "/op2" } }),
        interaction(2, "GET", "/op2", 200),
      ],
      [[1, 1, 200]],
    ],
    [
      "no long-running operation",
      [interaction(1, "GET", "/a", 200), interaction(2, "GET", "/a", 200)],
      [
        [1, 0, 200],
        [2, 0, 200],
      ],
    ],
  ])("%s", (_, interactions, expected) => {
    expect(replaySteps(interactions).map((s) => [s.request.index, s.polls, s.final.status])).toEqual(expected);
  });
});
