import { ArmError, type HttpMethod } from "../arm/contract.ts";
import type { OperationTracker } from "../arm/long-running.ts";
import { idKey } from "../arm/resource-id.ts";
import type { RealismVerdict } from "./realism-verdict.ts";

/** The account part of a path served by Microsoft.Storage (the account, or its children, not extension resources). */
const ACCOUNT_PATH =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+(?=$|\/(?!providers\/))/i;
const WRITES: ReadonlySet<HttpMethod> = new Set(["PUT", "PATCH", "DELETE"]);

/**
 * The storage resource provider's 409 for a write to an account while a long-running write on it runs. Code and HTTP
 * status from Microsoft's "Common Error Codes for Storage Resource Provider" (learn.microsoft.com/rest/api/storagerp/
 * srp_error_codes_common); the message as the service sends it, e.g. the response body quoted in Azure/ARO-RP#1197 and
 * openshift/openshift-azure#1332. The service sends no Retry-After with it.
 */
export function storageAccountOperationInProgress(): ArmError {
  return new ArmError(
    409,
    "StorageAccountOperationInProgress",
    "An operation is currently performing on this storage account that requires exclusive access.",
  );
}

/** A write to a storage account (or its children) while an operation on the account (or a child) still runs: 409. */
export function checkStorageAccountLock(
  method: HttpMethod,
  path: string,
  operations: OperationTracker,
): RealismVerdict | undefined {
  if (!WRITES.has(method)) return undefined;
  const account = ACCOUNT_PATH.exec(path)?.[0];
  if (account === undefined) return undefined;
  const running = operations.running(idKey(account));
  if (running === undefined) return undefined;
  const left = running.leftMs === undefined ? "" : `, ${running.leftMs} ms left`;
  return { note: `account locked by operation ${running.id}${left}`, error: storageAccountOperationInProgress() };
}
