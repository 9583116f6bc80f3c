import {
  deleteLockVerdict,
  type ManagementLock,
  notApplicable,
  RelatedDocumentError,
  requireRelated,
} from "@infra/audit/rules";
import { STORAGE_RELATED } from "../related-documents.ts";
import { storageAccountRule } from "../storage-rule.ts";

export const deleteLockRule = storageAccountRule({
  id: "storage.delete-lock",
  title: "Accounts in protected environments carry a delete lock",
  severity: "medium",
  rationale:
    "Deleting an account deletes all its data with no soft delete at account level; a CanNotDelete lock on the account or its group makes that a deliberate two-step act.",
  remediation:
    "az lock create --name do-not-delete --lock-type CanNotDelete -g <group> --resource <account> --resource-type Microsoft.Storage/storageAccounts",
  references: { cis: ["9.3.9"] },
  related: [STORAGE_RELATED.locks],
  check: (audited, context) => {
    if (!context.protected) return notApplicable("environment is not protected");
    const locks = requireRelated(audited, STORAGE_RELATED.locks);
    if (!Array.isArray(locks)) throw new RelatedDocumentError(STORAGE_RELATED.locks, "expected an array of locks");
    return deleteLockVerdict(locks as ManagementLock[]);
  },
});
