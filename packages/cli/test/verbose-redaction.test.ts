import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
} from "@azure/core-rest-pipeline";
import { getLogLevel } from "@azure/logger";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { defineCommand } from "../src/command-definition.ts";
import { registerSecret } from "../src/redact.ts";
import { runCommand } from "../src/run-command.ts";
import { capture } from "./capture.ts";

// Secrets of the shapes Azure uses, fresh per run so nothing else in the output could match by accident.
const b64url = (n: number) => randomBytes(n).toString("base64url");
const accessToken = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${b64url(60)}.${b64url(64)}`;
const accountKey = randomBytes(64).toString("base64");
const clientSecret = `cs~${b64url(24)}`;
const secrets = [accessToken, accountKey, clientSecret, accessToken.split(".")[2] ?? ""];

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "content-type": "application/json", "x-ms-request-id": "rid-1" });
      response.end(JSON.stringify({ keys: [{ keyName: "key1", value: accountKey, permissions: "FULL" }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  process.exitCode = undefined;
});

// A task as it would be written: registers the secret it read, calls ARM listKeys, logs the answer at debug.
const listKeys = defineCommand({
  name: "list-keys",
  summary: "Read storage keys.",
  async run({ log, signal, env }) {
    registerSecret(env.AZURE_CLIENT_SECRET);
    // The SDK sanitizer would hide Authorization by itself; allowing it proves our own redaction catches it.
    const pipeline = createPipelineFromOptions({ loggingOptions: { additionalAllowedHeaderNames: ["authorization"] } });
    const request = createPipelineRequest({
      url: `${baseUrl}/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1/listKeys?api-version=2026-09-01`,
      method: "POST",
      headers: createHttpHeaders({ authorization: `Bearer ${accessToken}`, "content-type": "application/json" }),
      body: JSON.stringify({ client_secret: clientSecret, accountKey }),
      allowInsecureConnection: true,
      abortSignal: signal,
    });
    const response = await pipeline.sendRequest(createDefaultHttpClient(), request);
    log.scope("storage").scope("listKeys").debug("answer %s", response.bodyAsText);
    log.debug(
      "token request: client_id=app&client_secret=%s&client_assertion=%s",
      env.AZURE_CLIENT_SECRET,
      accessToken,
    );
    log.info("read keys with %s", env.AZURE_CLIENT_SECRET);
  },
});

describe("--verbose with a real core-rest-pipeline request", () => {
  it("shows Azure SDK and debug logs with every token, key and secret redacted", async () => {
    const stdout = capture();
    const stderr = capture();
    const levelBefore = getLogLevel();
    const code = await runCommand(listKeys, ["--verbose"], {
      stdout,
      stderr,
      env: { AZURE_CLIENT_SECRET: clientSecret },
      handleSigint: false,
    });
    expect(code).toBe(0);
    const output = stdout.text + stderr.text;
    // The SDK really logged the request, headers included, and our debug lines are there.
    expect(stderr.text).toContain("azure:core-rest-pipeline:info Request:");
    expect(stderr.text).toMatch(/"authorization": "Bearer REDACTED"/);
    expect(stderr.text).toContain('debug storage => listKeys => answer {"keys":[{"keyName":"key1","value":"REDACTED"');
    expect(stderr.text).toContain("client_secret=REDACTED&client_assertion=REDACTED");
    expect(stderr.text).toContain("info  read keys with REDACTED");
    for (const secret of secrets) expect(output).not.toContain(secret);
    // The SDK log level is put back, so one verbose run does not leak into the next.
    expect(getLogLevel()).toBe(levelBefore);
  });

  it("without --verbose prints neither SDK logs nor debug lines", async () => {
    const stderr = capture();
    const code = await runCommand(listKeys, [], {
      stdout: capture(),
      stderr,
      env: { AZURE_CLIENT_SECRET: clientSecret },
      handleSigint: false,
    });
    expect(code).toBe(0);
    expect(stderr.text).not.toContain("azure:");
    expect(stderr.text).not.toContain("debug");
    expect(stderr.text).toBe("info  read keys with REDACTED\n");
  });
});
