/** What `--help` of plan, provision and destroy says about deletes and protection: one text, one place. */
export const deletesAndProtection = `
What is deleted (only by destroy, or by --prune):
  only resources this environment owns: their ownership stamp names it (tags managed-by=azure-infra-ops and
  environment=NAME; for locks, role assignments and containers the same in their notes, description or metadata).
  A delete also removes what is under the resource (a group's resources, an account's containers, shares, queues
  and tables, role assignments and locks at its scope). It is planned only when each of those is this environment's
  or deleted by the same plan; anything else is listed as the reason and the whole plan is refused before any delete.
  Data inside an owned container or share goes with it (container soft delete keeps it recoverable for its days).

Protection:
  an environment is protected when its file says protected: true OR its resources in Azure carry protected=true
  (written while it was protected). Applying to it needs its name typed, or --yes --confirm-env NAME. A file
  outside environments/ may not use the name of one of this repository's environments.`;
