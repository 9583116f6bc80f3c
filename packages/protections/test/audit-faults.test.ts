// Audit under faults never turns a resource it could not read into a pass.
import { auditExitCode, type Finding } from "@infra/audit";
import type { AzureContext } from "@infra/auth";
import { startSignedInEmulator } from "@infra/auth/testing";
import { createLogger } from "@infra/cli";
import { type Emulator, SEED } from "@infra/emulator";
import { validateEnvironment } from "@infra/environments";
import { governanceAudit } from "@infra/governance";
import { storageAudit } from "@infra/storage";
import type { AuditScope } from "@infra/task";
import { taskList } from "@infra/tasks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { provisionEnvironment } from "./support/in-process-provision.ts";
import { suiteEnvironment } from "./support/suite-environment.ts";

let emulator: Emulator;
let azure: AzureContext;
let clean: Map<string, Finding["status"]>;
const environment = suiteEnvironment("auditf");
const scope: AuditScope = {
  subscriptionIds: [SEED.subscription1],
  environment: validateEnvironment(environment, "test", await taskList.sections()),
};
const key = (finding: Finding) => `${finding.ruleId} ${finding.resourceId.toLowerCase()}`;

/** Both collecting audits, as `pnpm run audit` runs them, with a short retry budget so faults exhaust it quickly. */
async function audit(): Promise<Finding[]> {
  const impatient: AzureContext = {
    ...azure,
    clientOptions: {
      ...azure.clientOptions,
      retryOptions: { maxRetries: 1, retryDelayInMs: 5, maxRetryDelayInMs: 10 },
    },
  };
  const context = {
    azure: impatient,
    log: createLogger({ write: { write: () => true } }),
    signal: new AbortController().signal,
    now: new Date(),
  };
  const results = await Promise.all([storageAudit.run(scope, context), governanceAudit.run(scope, context)]);
  return results.flatMap((result) => result.findings);
}

beforeAll(async () => {
  ({ emulator, azure } = await startSignedInEmulator({ task: "protections" }));
  const applied = await provisionEnvironment(azure, environment);
  expect(applied.failed).toEqual([]);
  clean = new Map((await audit()).map((finding) => [key(finding), finding.status]));
});
afterAll(async () => {
  await emulator?.close();
});
afterEach(async () => {
  await emulator.admin.clearFaults();
});

describe("audit under faults", () => {
  // Protection: @infra/audit requireRelated turns an unreadable document into an error finding. Checked: returning []
  // for an unreadable document there makes storage.public-containers pass for the legacy account and this case fail.
  it("a container list that cannot be read is an error for the rules that need it, never a pass", async () => {
    const legacy = `/subscriptions/${SEED.subscription1}/resourcegroups/${SEED.legacyResourceGroup}/providers/microsoft.storage/storageaccounts/legacydata001`;
    expect(clean.get(`storage.public-containers ${legacy}`)).toBe("fail"); // the seed's legacy account has one
    await emulator.admin.addFault({
      method: "GET",
      path: "legacydata001/blobServices/default/containers",
      status: 503,
    });
    const findings = await audit();
    expect(findings.find((finding) => key(finding) === `storage.public-containers ${legacy}`)?.status).toBe("error");
    expect(auditExitCode(findings, { failOn: "high", allowIncomplete: false })).toBe(1);
  });

  it("with ~30% of reads failing, every pass was also a pass without faults, and the audit exits 1", async () => {
    await emulator.admin.addFault({ method: "GET", path: "^/subscriptions/", status: 503, probability: 0.3 });
    let errorsSeen = 0;
    for (let round = 0; round < 3; round += 1) {
      const findings = await audit();
      const errors = findings.filter((finding) => finding.status === "error");
      errorsSeen += errors.length;
      const unearned = findings.filter((finding) => finding.status === "pass" && clean.get(key(finding)) !== "pass");
      expect(unearned.map(key)).toEqual([]);
      if (errors.length > 0) expect(auditExitCode(findings, { failOn: "high", allowIncomplete: false })).toBe(1);
    }
    expect(errorsSeen).toBeGreaterThan(0); // the faults really bit
  });
});
