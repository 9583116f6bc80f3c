import { runCommand, type TextWriter } from "@infra/cli";
import { type Emulator, SEED } from "@infra/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AzureContext } from "../src/connect-azure.ts";
import { AuthorizationManagementClient } from "../src/esm-clients/authorization-client.ts";
import { ManagementLockClient } from "../src/esm-clients/lock-client.ts";
import { startSignedInEmulator } from "./support/signed-in-emulator.ts";

let emulator: Emulator;
let azure: AzureContext;

beforeAll(async () => {
  ({ emulator, azure } = await startSignedInEmulator({ task: "esm-clients-test" }));
});
afterAll(async () => {
  await emulator?.close();
});

/** Runs `read` as a command with `--verbose`, as every root command runs, and returns what reached stderr. */
async function verboseStderr(read: () => Promise<unknown>): Promise<string> {
  let text = "";
  const stderr: TextWriter = {
    write(chunk: string) {
      text += chunk;
      return true;
    },
  };
  const stdout: TextWriter = { write: () => true };
  const code = await runCommand(
    {
      name: "read",
      summary: "one read through the client under test",
      async run() {
        await read();
      },
    },
    ["--verbose"],
    { env: {}, stdout, stderr, handleSigint: false },
  );
  process.exitCode = 0;
  expect(code, text).toBe(0);
  return text;
}

describe("the lock and role-assignment clients share the pipeline every other client uses", () => {
  const scope = `/subscriptions/${SEED.subscription1}`;

  it("a lock list is logged by --verbose, through the redacting sink", async () => {
    const locks = new ManagementLockClient(azure.credential, SEED.subscription1, azure.clientOptions);
    const stderr = await verboseStderr(async () => {
      for await (const _ of locks.managementLocks.listAtSubscriptionLevel());
    });
    expect(stderr).toContain(`${scope}/providers/Microsoft.Authorization/locks`);
  });

  it("a role-assignment list is logged by --verbose, through the redacting sink", async () => {
    const authorization = new AuthorizationManagementClient(azure.credential, SEED.subscription1, azure.clientOptions);
    const stderr = await verboseStderr(async () => {
      for await (const _ of authorization.roleAssignments.listForScope(scope));
    });
    expect(stderr).toContain(`${scope}/providers/Microsoft.Authorization/roleAssignments`);
    expect(stderr).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });
});
