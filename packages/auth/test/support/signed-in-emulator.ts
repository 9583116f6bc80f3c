import { type Emulator, type StartEmulatorOptions, startEmulator } from "@infra/emulator";
import type { AzureContext } from "../../src/connect-azure.ts";
import { connectAzure } from "../../src/connect-azure.ts";

/** An emulator for one test file and a principal signed in through @infra/auth, as a task signs in. */
export interface SignedInEmulator {
  emulator: Emulator;
  azure: AzureContext;
}

export interface SignedInEmulatorOptions {
  /** The task name the sign-in is made for (it reaches the user agent). */
  task: string;
  /** The seeded principal to sign in as; `ops` unless given. */
  principal?: string;
  emulator?: StartEmulatorOptions;
}

/**
 * Long-running operations answer "still running" once, without Retry-After, so the SDK pollers really poll (at the
 * short interval a test gives them).
 */
export const POLLED_OPERATIONS: StartEmulatorOptions = {
  config: { lro: { pollsBeforeDone: 1, retryAfterSeconds: 0 } },
};

export async function startSignedInEmulator(options: SignedInEmulatorOptions): Promise<SignedInEmulator> {
  const emulator = await startEmulator(options.emulator ?? {});
  const azure = await connectAzure({ task: options.task, env: emulator.env(options.principal ?? "ops") });
  return { emulator, azure };
}

/** Requests to ARM (not to the identity endpoints) since the log was last cleared. */
export async function armRequests(emulator: Emulator): Promise<{ method: string; path: string; status: number }[]> {
  return (await emulator.admin.requests()).filter((entry) => entry.path.startsWith("/subscriptions/"));
}
