import { randomUUID } from "node:crypto";
import { ArmError, type ArmResource } from "../../arm/contract.ts";
import { isRecord } from "./json-record.ts";

/**
 * A blob container's lease, as the blob service keeps it and ARM's `BlobContainers_Lease` action drives it
 * (`POST .../containers/{name}/lease`, body `{action, leaseId, leaseDuration, breakPeriod, proposedLeaseId}`;
 * Microsoft's examples BlobContainersLease_Acquire/Break, 2025-08-01). Durations are 15-60 seconds or -1 (infinite);
 * an expired or broken lease may be acquired by anyone; a break ends a lease after `breakPeriod` (0-60) seconds.
 * Refusals carry the blob service's codes and messages.
 */
export interface StoredLease {
  id: string;
  /** Seconds, or -1 for a lease that never expires. */
  duration: number;
  /** Epoch ms: when a fixed lease expires unless renewed. */
  expiresAt?: number;
  /** Epoch ms: when a lease being broken is broken. */
  breaksAt?: number;
}

export type LeaseState = "Available" | "Leased" | "Expired" | "Breaking" | "Broken";

/** Where container records keep their lease; never returned on the wire (see `containerView`). */
export const LEASE_FIELD = "__lease";

export function storedLease(record: ArmResource | undefined): StoredLease | undefined {
  const lease = record?.[LEASE_FIELD];
  return isRecord(lease) ? (lease as unknown as StoredLease) : undefined;
}

export function leaseState(lease: StoredLease | undefined, now: number): LeaseState {
  if (!lease) return "Available";
  if (lease.breaksAt !== undefined) return now < lease.breaksAt ? "Breaking" : "Broken";
  if (lease.expiresAt !== undefined && now >= lease.expiresAt) return "Expired";
  return "Leased";
}

/** The stored container with its lease as the service reports it (status, state, duration), the internals left out. */
export function withLeaseState(record: ArmResource, now = Date.now()): ArmResource {
  const { [LEASE_FIELD]: _lease, ...rest } = record;
  const lease = storedLease(record);
  const state = leaseState(lease, now);
  const locked = state === "Leased" || state === "Breaking";
  return {
    ...rest,
    properties: {
      ...(record.properties ?? {}),
      leaseStatus: locked ? "Locked" : "Unlocked",
      leaseState: state,
      ...(locked && lease ? { leaseDuration: lease.duration === -1 ? "Infinite" : "Fixed" } : {}),
    },
  } as ArmResource;
}

const conflict = (code: string, message: string) => new ArmError(409, code, `${message}\nRequestId:emulator`);

/** A delete while someone holds the lease is refused, as the blob service refuses it. */
export function checkNoActiveLease(record: ArmResource, now = Date.now()): void {
  const state = leaseState(storedLease(record), now);
  if (state === "Leased" || state === "Breaking") {
    throw conflict(
      "LeaseIdMissing",
      "There is currently a lease on the container and no lease ID was specified in the request.",
    );
  }
}

export interface LeaseOutcome {
  /** The lease to store (undefined: none). */
  lease: StoredLease | undefined;
  /** The action's answer: `{leaseId}`, `{leaseTimeSeconds}` or `{}`. */
  body: Record<string, unknown>;
}

function durationOf(value: unknown): number {
  const seconds = Number(value);
  if (seconds === -1 || (Number.isInteger(seconds) && seconds >= 15 && seconds <= 60)) return seconds;
  throw new ArmError(
    400,
    "InvalidHeaderValue",
    "The value for one of the HTTP headers is not in the correct format. The lease duration must be -1 or 15-60 seconds.",
  );
}

function leaseFrom(id: string, duration: number, now: number): StoredLease {
  return duration === -1 ? { id, duration } : { id, duration, expiresAt: now + duration * 1000 };
}

/** Applies one lease action to the container's current lease. */
export function leaseAction(current: StoredLease | undefined, body: unknown, now = Date.now()): LeaseOutcome {
  const request = isRecord(body) ? body : {};
  const action = String(request.action ?? "").toLowerCase();
  const state = leaseState(current, now);
  const matches = typeof request.leaseId === "string" && current?.id === request.leaseId.toLowerCase();
  const held = state === "Leased" || state === "Breaking";
  switch (action) {
    case "acquire": {
      const duration = durationOf(request.leaseDuration);
      const proposed = typeof request.proposedLeaseId === "string" ? request.proposedLeaseId.toLowerCase() : undefined;
      if (state === "Breaking") throw conflict("LeaseAlreadyPresent", "There is already a lease present.");
      if (state === "Leased" && proposed !== current?.id) {
        throw conflict("LeaseAlreadyPresent", "There is already a lease present.");
      }
      const lease = leaseFrom(proposed ?? randomUUID(), duration, now);
      return { lease, body: { leaseId: lease.id } };
    }
    case "renew": {
      if (!current)
        throw conflict("LeaseNotPresentWithLeaseOperation", "There is currently no lease on the container.");
      if (!matches) {
        throw conflict(
          "LeaseIdMismatchWithLeaseOperation",
          "The lease ID specified did not match the lease ID for the container.",
        );
      }
      if (state === "Breaking" || state === "Broken") {
        throw conflict(
          "LeaseIsBrokenAndCannotBeRenewed",
          "The lease ID matched, but the lease has been broken explicitly and cannot be renewed.",
        );
      }
      const lease = leaseFrom(current.id, current.duration, now);
      return { lease, body: { leaseId: lease.id } };
    }
    case "release": {
      if (!current || !matches) {
        throw conflict(
          "LeaseIdMismatchWithLeaseOperation",
          "The lease ID specified did not match the lease ID for the container.",
        );
      }
      return { lease: undefined, body: {} };
    }
    case "break": {
      if (!current || state === "Available") {
        throw conflict("LeaseNotPresentWithLeaseOperation", "There is currently no lease on the container.");
      }
      if (!held) return { lease: { ...current, breaksAt: now }, body: { leaseTimeSeconds: "0" } };
      const remaining = current.expiresAt === undefined ? 0 : Math.ceil((current.expiresAt - now) / 1000);
      const period =
        request.breakPeriod === undefined || request.breakPeriod === null ? remaining : Number(request.breakPeriod);
      if (!(Number.isInteger(period) && period >= 0 && period <= 60)) {
        throw new ArmError(400, "InvalidHeaderValue", "The break period must be 0-60 seconds.");
      }
      const seconds = Math.min(period, current.expiresAt === undefined ? period : remaining);
      const breaksAt =
        state === "Breaking" ? Math.min(current.breaksAt ?? now, now + seconds * 1000) : now + seconds * 1000;
      return {
        lease: { ...current, breaksAt },
        body: { leaseTimeSeconds: String(Math.max(0, Math.ceil((breaksAt - now) / 1000))) },
      };
    }
    case "change": {
      const proposed = typeof request.proposedLeaseId === "string" ? request.proposedLeaseId.toLowerCase() : "";
      if (!current || !held)
        throw conflict("LeaseNotPresentWithLeaseOperation", "There is currently no lease on the container.");
      if (!matches) {
        throw conflict(
          "LeaseIdMismatchWithLeaseOperation",
          "The lease ID specified did not match the lease ID for the container.",
        );
      }
      if (!proposed) throw new ArmError(400, "InvalidHeaderValue", "Change needs a proposedLeaseId.");
      return { lease: { ...current, id: proposed }, body: { leaseId: proposed } };
    }
    default:
      throw new ArmError(
        400,
        "InvalidRequestContent",
        `The value '${String(request.action)}' is not valid for action; use Acquire, Renew, Change, Release or Break.`,
      );
  }
}
