import { StorageManagementClient } from "@azure/arm-storage";
import type { AzureContext } from "@infra/auth";
import { startSignedInEmulator } from "@infra/auth/testing";
import { type Emulator, SEED } from "@infra/emulator";
import { writeEnvironmentFile } from "../../src/root-command.ts";
import { e2eEnvironment } from "./e2e-environment.ts";

export interface E2eContext {
  emulator: Emulator;
  /** ops, signed in through @infra/auth: what the tests use to look at Azure behind the root commands' backs. */
  azure: AzureContext;
  storage: StorageManagementClient;
  /** The e2e environment (3 groups, 10 accounts), written where `--env-file` can read it. */
  envFile: string;
}

/** One emulator per test file, with the default seed and the e2e environment file the root commands are run with. */
export async function openE2eContext(): Promise<E2eContext> {
  const { emulator, azure } = await startSignedInEmulator({ task: "e2e" });
  const storage = new StorageManagementClient(azure.credential, SEED.subscription1, azure.clientOptions);
  return { emulator, azure, storage, envFile: await writeEnvironmentFile(e2eEnvironment()) };
}
