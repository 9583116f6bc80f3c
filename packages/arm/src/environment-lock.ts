import { randomUUID } from "node:crypto";
import { type LeaseContainerRequest, StorageManagementClient } from "@azure/arm-storage";
import type { AzureContext } from "@infra/auth";
import type { Logger } from "@infra/cli";
import { MANAGED_BY } from "@infra/plan";
import { EnvironmentLockedError, LockLostError } from "./lock-errors.ts";
import { holderFromMetadata, holderMetadata, type LockHolder } from "./lock-holder.ts";
import type { LockHome } from "./lock-home.ts";

export interface EnvironmentLockOptions {
  azure: AzureContext;
  environment: string;
  home: LockHome;
  /** How long the lease lasts without renewal: what a crashed run leaves behind. 15-60 seconds. */
  leaseSeconds: number;
  log?: Logger | undefined;
}

/** What the lock's container says now. */
export interface LockStatus {
  readonly state: string;
  readonly holder: LockHolder | undefined;
}

const statusOf = (error: unknown): number | undefined =>
  typeof error === "object" && error !== null ? (error as { statusCode?: number }).statusCode : undefined;

/**
 * An environment's apply lock: a lease on the `apply-lock` container of the environment's lock account, taken through
 * Resource Manager (`BlobContainers_Lease`). The blob service grants a lease to one caller at a time, atomically, for
 * 15-60 seconds; the holder renews it every third of that while it applies, so a crashed run's lock lapses by itself,
 * and anyone with the same rights can break it on purpose. Every machine (laptop, CI) sees the same lock. The lease
 * is a management-plane action: the apply identity's Contributor role covers it, and plan and audit never take it.
 * Who holds it is written into the container's metadata for the next run to name.
 */
export class EnvironmentLock {
  readonly #options: EnvironmentLockOptions;
  readonly #client: StorageManagementClient;
  #leaseId: string | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: EnvironmentLockOptions) {
    this.#options = options;
    const { azure } = options;
    this.#client = new StorageManagementClient(azure.credential, azure.subscriptionId, azure.clientOptions);
  }

  /** The lock account exists (the environment's first apply creates it, as a change of its plan). */
  async homeExists(signal?: AbortSignal): Promise<boolean> {
    const { resourceGroup, accountName } = this.#options.home;
    try {
      await this.#client.storageAccounts.getProperties(resourceGroup, accountName, { abortSignal: signal });
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  /**
   * Takes the lock or refuses at once, naming the holder. Either it resolves holding the lock, or it throws holding
   * nothing: a stop (Ctrl-C, SIGTERM) that comes while the lock is being taken gives it back before the error goes up,
   * since a caller that sees the error never learns it held the lock and would leave it held until it lapses.
   */
  async acquire(holder: LockHolder, signal?: AbortSignal): Promise<void> {
    const { accountName, containerName } = this.#options.home;
    signal?.throwIfAborted();
    const leaseId = randomUUID();
    try {
      // Not abortable: an Acquire abandoned in flight may still be granted, and its caller would not know to release.
      await this.#lease({ action: "Acquire", leaseDuration: this.#options.leaseSeconds, proposedLeaseId: leaseId });
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) {
        // The lock has never been taken here: its container is made once, then kept.
        await this.#createContainer(signal);
        return this.acquire(holder, signal);
      }
      if (status !== 409) throw error;
      const found = await this.status(signal);
      throw new EnvironmentLockedError(
        this.#options.environment,
        found.holder,
        `lapses within ${this.#options.leaseSeconds} s of its holder stopping`,
      );
    }
    this.#leaseId = leaseId;
    try {
      await this.#setMetadata(holderMetadata(holder), signal);
    } catch (error) {
      await this.release();
      throw error;
    }
    this.#options.log?.debug("lock => took %s/%s (lease %ds)", accountName, containerName, this.#options.leaseSeconds);
  }

  /** Renews the lease every third of its duration until released; `onLost` is told if a renewal fails. */
  keepRenewing(onLost: (error: LockLostError) => void): void {
    const every = (this.#options.leaseSeconds * 1000) / 3;
    this.#timer = setInterval(() => {
      const leaseId = this.#leaseId;
      if (!leaseId) return;
      this.#lease({ action: "Renew", leaseId }).catch((error: unknown) => {
        this.#stopRenewing();
        this.#leaseId = undefined;
        onLost(new LockLostError(this.#options.environment, error));
      });
    }, every);
    this.#timer.unref();
  }

  /** Gives the lock back (on success, failure and Ctrl-C alike). Never throws: a lease not released lapses anyway. */
  async release(): Promise<void> {
    this.#stopRenewing();
    const leaseId = this.#leaseId;
    this.#leaseId = undefined;
    if (!leaseId) return;
    try {
      await this.#setMetadata({});
      await this.#lease({ action: "Release", leaseId });
    } catch (error) {
      this.#options.log?.warn(
        "could not release the lock on %s (%s); it lapses within %d s",
        this.#options.environment,
        error instanceof Error ? error.message : String(error),
        this.#options.leaseSeconds,
      );
    }
  }

  /** Ends whoever holds the lock now; returns who that was. */
  async breakIt(signal?: AbortSignal): Promise<LockStatus> {
    const before = await this.status(signal);
    if (before.state === "Leased" || before.state === "Breaking") {
      await this.#lease({ action: "Break", breakPeriod: 0 }, signal);
      await this.#setMetadata({}, signal);
    }
    return before;
  }

  /** The lease state and the holder the container names (`Available` when the lock has never been taken). */
  async status(signal?: AbortSignal): Promise<LockStatus> {
    const { resourceGroup, accountName, containerName } = this.#options.home;
    try {
      const container = await this.#client.blobContainers.get(resourceGroup, accountName, containerName, {
        abortSignal: signal,
      });
      const state = String(container.leaseState ?? "Available");
      const held = state === "Leased" || state === "Breaking";
      return { state, holder: held ? holderFromMetadata(container.metadata) : undefined };
    } catch (error) {
      if (statusOf(error) === 404) return { state: "Available", holder: undefined };
      throw error;
    }
  }

  #stopRenewing(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #ownership(): Record<string, string> {
    return { managedby: MANAGED_BY, environment: this.#options.environment, task: "apply-lock" };
  }

  #lease(parameters: LeaseContainerRequest, signal?: AbortSignal) {
    const { resourceGroup, accountName, containerName } = this.#options.home;
    return this.#client.blobContainers.lease(resourceGroup, accountName, containerName, {
      parameters,
      abortSignal: signal,
    });
  }

  async #createContainer(signal: AbortSignal | undefined): Promise<void> {
    const { resourceGroup, accountName, containerName } = this.#options.home;
    try {
      await this.#client.blobContainers.create(
        resourceGroup,
        accountName,
        containerName,
        { publicAccess: "None", metadata: this.#ownership() },
        { abortSignal: signal },
      );
    } catch (error) {
      // Another run made it first: ARM refuses to create a container twice.
      if (statusOf(error) !== 409) throw error;
    }
  }

  async #setMetadata(holder: Record<string, string>, signal?: AbortSignal): Promise<void> {
    const { resourceGroup, accountName, containerName } = this.#options.home;
    await this.#client.blobContainers.update(
      resourceGroup,
      accountName,
      containerName,
      { metadata: { ...this.#ownership(), ...holder } },
      { abortSignal: signal },
    );
  }
}
