import type { Finding } from "@infra/audit/rules";
import { type AzureContext, connectAzure } from "@infra/auth";
import { createLogger } from "@infra/cli";
import type { ArmResource, Emulator } from "@infra/emulator";
import type { AuditScope, TaskAudit, TaskAuditResult } from "@infra/task";

/** Signs a seeded principal in through @infra/auth, as the audit task would. */
export function signIn(emulator: Emulator, principal: "ops" | "auditor"): Promise<AzureContext> {
  return connectAzure({ task: "storage-audit-test", env: emulator.env(principal) });
}

/** Runs an audit with a logger that keeps its lines (tests assert on findings, not on output). */
export function runAudit(audit: TaskAudit, azure: AzureContext, scope: AuditScope): Promise<TaskAuditResult> {
  const lines: string[] = [];
  const log = createLogger({ write: { write: (text: string) => void lines.push(text) } });
  return audit.run(scope, { azure, log, signal: new AbortController().signal, now: new Date("2026-01-15T00:00:00Z") });
}

/** `rule status severity` per finding of one resource, sorted: a readable thing to compare. */
export function findingsOf(findings: readonly Finding[], resourceName: string): string[] {
  return findings
    .filter((finding) => finding.resourceId.toLowerCase().endsWith(`/${resourceName.toLowerCase()}`))
    .map((finding) => `${finding.ruleId} ${finding.status} ${finding.severity}`)
    .sort();
}

/** A resource group plus `count` storage accounts in it, as wire JSON for `POST /_emulator/seed`. */
export function seededAccounts(
  subscriptionId: string,
  group: string,
  count: number,
  kind: "StorageV2" | "BlockBlobStorage" = "StorageV2",
): ArmResource[] {
  const groupId = `/subscriptions/${subscriptionId}/resourceGroups/${group}`;
  const accounts = Array.from({ length: count }, (_, index): ArmResource => {
    const name = `${group.replace(/[^a-z0-9]/g, "")}${String(index).padStart(5, "0")}`.slice(-24);
    return {
      id: `${groupId}/providers/Microsoft.Storage/storageAccounts/${name}`,
      name,
      type: "Microsoft.Storage/storageAccounts",
      location: "westeurope",
      kind,
      sku: {
        name: kind === "StorageV2" ? "Standard_LRS" : "Premium_LRS",
        tier: kind === "StorageV2" ? "Standard" : "Premium",
      },
      properties: { provisioningState: "Succeeded", minimumTlsVersion: "TLS1_2", allowBlobPublicAccess: false },
    };
  });
  return [
    {
      id: groupId,
      name: group,
      type: "Microsoft.Resources/resourceGroups",
      location: "westeurope",
      properties: { provisioningState: "Succeeded" },
    },
    ...accounts,
  ];
}
