import type { AccountLocation, KindOptions } from "@infra/arm";
import type { AccountDirectory } from "./account-directory.ts";

export interface StorageKindOptions extends KindOptions {
  /**
   * The environment's accounts. Settings under an account (blob service, lifecycle policy, containers) are read per
   * account, as ARM cannot list them across a subscription; an account not created yet simply has none.
   */
  readonly accounts: readonly AccountLocation[];
  /** Shared by the kinds of one task so the account list is read once; `storageKinds` makes one. */
  readonly directory?: AccountDirectory;
}
