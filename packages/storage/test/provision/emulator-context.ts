import { type AzureContext, connectAzure } from "@infra/auth";
import { type Emulator, startEmulator } from "@infra/emulator";

export interface EmulatorContext {
  emulator: Emulator;
  azure: AzureContext;
}

/**
 * One emulator per test file and the ops principal signed in through @infra/auth, as a task would be. Long-running
 * operations answer "still running" once, without Retry-After, so the SDK pollers really poll at the short interval.
 */
export async function openEmulatorContext(task: string): Promise<EmulatorContext> {
  const emulator = await startEmulator({ config: { lro: { pollsBeforeDone: 1, retryAfterSeconds: 0 } } });
  const azure = await connectAzure({ task, env: emulator.env("ops") });
  return { emulator, azure };
}

/** Requests to ARM (not to the identity endpoints) since the log was last cleared. */
export async function armRequests(emulator: Emulator): Promise<{ method: string; path: string }[]> {
  return (await emulator.admin.requests()).filter((entry) => entry.path.startsWith("/subscriptions/"));
}

export const POLL_MS = 10;
