import { listWire, readWire } from "@infra/arm/wire-reads";
import { readRelated } from "@infra/audit/collect";
import { type ArmResource, type AuditedResource, type RelatedDocument, readable } from "@infra/audit/rules";
import { parseArmResourcePath } from "@infra/cli";
import { hasBlobService, hasFileService } from "../account-facts.ts";
import { STORAGE_RELATED } from "../related-documents.ts";
import { locksApplyingTo } from "./account-locks.ts";
import type { StorageAuditClients } from "./storage-audit-clients.ts";

/** The subscription's lock list, read once: its items, or the failed read every account then carries. */
export type SubscriptionLocks =
  | { readonly status: "ok"; readonly value: readonly unknown[] }
  | Extract<RelatedDocument, { status: "unreadable" }>;

/**
 * One account with the documents its rules read: blob service, file service, every container page, and the locks
 * that apply. ARM has no list for service properties, hence the per-account GETs; a kind without a service skips its
 * read (its rules are not applicable). The three reads run together; a failed one is attached as unreadable.
 */
export async function collectAccount(
  account: ArmResource,
  clients: StorageAuditClients,
  locks: SubscriptionLocks,
  signal: AbortSignal,
): Promise<AuditedResource> {
  const { resourceGroup = "", name = account.name } = parseArmResourcePath(account.id);
  const options = { abortSignal: signal };
  const shell: AuditedResource = { resource: account, related: {} };
  const reads: [string, Promise<RelatedDocument>][] = [];
  if (hasBlobService(shell)) {
    reads.push([
      STORAGE_RELATED.blobService,
      readRelated(() =>
        readWire(() => clients.storage.blobServices.getServiceProperties(resourceGroup, name, options)),
      ),
    ]);
    reads.push([
      STORAGE_RELATED.containers,
      readRelated(() => listWire(() => clients.storage.blobContainers.list(resourceGroup, name, options))),
    ]);
  }
  if (hasFileService(shell)) {
    reads.push([
      STORAGE_RELATED.fileService,
      readRelated(() =>
        readWire(() => clients.storage.fileServices.getServiceProperties(resourceGroup, name, options)),
      ),
    ]);
  }
  const related: Record<string, RelatedDocument> = {
    [STORAGE_RELATED.locks]: locks.status === "ok" ? readable(locksApplyingTo(account.id, locks.value)) : locks,
  };
  for (const [document, read] of reads) related[document] = await read;
  return { resource: account, related };
}
