import { describe, expect, it } from "vitest";
import { HANDED_TOKEN_MARGIN_MS, type HandedToken, handedTokenServes } from "../src/handed-token.ts";

const now = Date.parse("2026-12-05T12:00:00Z");
const scope = "https://management.azure.com/.default";
const handed: HandedToken = {
  configuration: "hash",
  scope,
  token: "token",
  expiresOnTimestamp: now + 60 * 60_000,
  credential: "EnvironmentCredential",
};

describe("handedTokenServes", () => {
  it.each([
    { case: "its own scope, an hour left", scopes: scope, token: handed, serves: true },
    { case: "its own scope as a one-item list", scopes: [scope], token: handed, serves: true },
    { case: "another scope (Key Vault)", scopes: "https://vault.azure.net/.default", token: handed, serves: false },
    { case: "two scopes", scopes: [scope, "openid"], token: handed, serves: false },
    { case: "no scope", scopes: [], token: handed, serves: false },
    {
      case: "one second more than the margin left",
      scopes: scope,
      token: { ...handed, expiresOnTimestamp: now + HANDED_TOKEN_MARGIN_MS + 1000 },
      serves: true,
    },
    {
      case: "exactly the margin left: the process signs in itself",
      scopes: scope,
      token: { ...handed, expiresOnTimestamp: now + HANDED_TOKEN_MARGIN_MS },
      serves: false,
    },
    { case: "expired", scopes: scope, token: { ...handed, expiresOnTimestamp: now - 1 }, serves: false },
  ])("$case -> $serves", ({ scopes, token, serves }) => {
    expect(handedTokenServes(token, scopes, now)).toBe(serves);
  });
});
