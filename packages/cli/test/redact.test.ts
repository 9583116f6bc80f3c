import { describe, expect, it } from "vitest";
import { REDACTED, Redactor } from "../src/redact.ts";

const jwt =
  "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIn0.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu";
const accountKey =
  "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4YWI=";

describe("Redactor", () => {
  it.each([
    ["a JWT anywhere", `token ${jwt} end`, jwt],
    ["an Authorization header", "Authorization: Bearer opaque-token-123", "opaque-token-123"],
    ["an Authorization header in JSON", '{"authorization":"Bearer opaque-token-123"}', "opaque-token-123"],
    ["a bare bearer token", "sent bearer abc.def-ghi", "abc.def-ghi"],
    ["a client_secret form field", "grant_type=client_credentials&client_secret=s3cr3t~value&scope=x", "s3cr3t~value"],
    ["a client_assertion form field", "client_assertion=abc123def&client_id=1", "abc123def"],
    [
      "an AccountKey in a connection string",
      `DefaultEndpointsProtocol=https;AccountName=st1;AccountKey=${accountKey};`,
      accountKey,
    ],
    ["a listKeys answer", `{"keys":[{"keyName":"key1","value":"${accountKey}","permissions":"FULL"}]}`, accountKey],
    ["an access_token in JSON", '{"token_type":"Bearer","access_token":"opaque.tok","expires_in":3599}', "opaque.tok"],
    ["a SAS signature", "https://st1.blob.core.windows.net/c?sv=2024&sig=abcDEF%2B123", "abcDEF%2B123"],
  ])("redacts %s", (_, text, secret) => {
    const result = new Redactor().redact(text);
    expect(result).not.toContain(secret);
    expect(result).toContain(REDACTED);
  });

  it.each([
    "info  plan => storage => stdev1 created (1.2s)",
    '{"value":[{"name":"rg-dev","location":"westeurope"}],"nextLink":null}',
    '{"tags":{"environment":"dev"},"value":"short"}',
    "Authorization failed for rg-dev", // the word alone is not a header
  ])("leaves ordinary text alone: %s", (text) => {
    expect(new Redactor().redact(text)).toBe(text);
  });

  it("redacts registered values, longest first, and ignores values too short to be secrets", () => {
    const redactor = new Redactor();
    redactor.register("my-client-secret");
    redactor.register("my-client-secret-and-more");
    redactor.register("abc");
    redactor.register(undefined);
    expect(redactor.redact("a my-client-secret-and-more b my-client-secret c abc")).toBe(
      `a ${REDACTED} b ${REDACTED} c abc`,
    );
  });

  it("does not redact twice into nonsense", () => {
    const redactor = new Redactor();
    const once = redactor.redact("Authorization: Bearer opaque-token-123");
    expect(redactor.redact(once)).toBe(once);
    expect(once).toBe(`Authorization: Bearer ${REDACTED}`);
  });
});
