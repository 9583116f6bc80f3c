// `node packages/github-oidc/src/audit-matrix-main.ts --shards N [--only ENV]`, with the workflow's variables in
// GITHUB_VARS (`toJSON(vars)`): lists each split's shards with `pnpm run audit -- --list-shards N --json`, signed in
// as that split's identity, and writes the audit workflow's matrix (`shards`) and `expect` (SPLIT=N for the merge).
import { defineCommand, runCommand, setOutput, UsageError } from "@infra/cli";
import { repoEnvironments } from "@infra/environments";
import { $ } from "zx";
import { type AuditMatrixEntry, auditSplits, type ListedShard, matrixEntries } from "./audit-matrix.ts";

async function listShards(count: number, environment: string, env: NodeJS.ProcessEnv): Promise<ListedShard[]> {
  const args = ["run", "--silent", "audit", "--", "--list-shards", String(count), "--json"];
  if (environment) args.push("--env", environment);
  // stderr passes through: the audit command's own messages say why a listing failed.
  const listed = await $({ env, quiet: true, nothrow: true, stdio: ["ignore", "pipe", "inherit"] })`pnpm ${args}`;
  if (listed.exitCode !== 0) {
    throw new Error(`listing the shards of ${environment || "the tenant"} exited ${listed.exitCode}`);
  }
  return (JSON.parse(listed.stdout) as { shards: ListedShard[] }).shards;
}

await runCommand(
  defineCommand({
    name: "audit-matrix",
    summary: "List the nightly audit's shards: each environment's, and the tenant's when an audit identity is set.",
    usage: `  --shards N   shards per split (default 1; fewer when a split has fewer subscriptions)
  --only ENV   this environment's split alone (a manual run's choice)`,
    options: { shards: { type: "string", default: "1" }, only: { type: "string" } },
    async run(run) {
      const count = Number(run.values.shards);
      if (!Number.isInteger(count) || count < 1)
        throw new UsageError(`--shards ${run.values.shards}: a whole number of at least 1`);
      const variables = JSON.parse(run.env.GITHUB_VARS ?? "{}") as Record<string, string>;
      const deployable = Object.keys(repoEnvironments).filter((name) => name !== "local");
      const only = run.values.only || undefined;
      if (only !== undefined && !deployable.includes(only)) {
        throw new UsageError(`--only ${only}: not one of this repository's environments (${deployable.join(", ")})`);
      }
      const { splits, skipped } = auditSplits(only ? [only] : deployable, variables);
      for (const name of skipped)
        run.log.warn("%s has no read identity variables: run `pnpm run bootstrap:github -- --env %s`", name, name);
      const entries: AuditMatrixEntry[] = [];
      for (const split of only ? splits.filter((entry) => entry.split === only) : splits) {
        const env = {
          ...run.env,
          AZURE_CLIENT_ID: variables[split.client],
          AZURE_SUBSCRIPTION_ID: variables[split.home],
          AZURE_TENANT_ID: variables.AZURE_TENANT_ID,
        };
        entries.push(...matrixEntries(split, await listShards(count, split.split === "all" ? "" : split.split, env)));
      }
      if (entries.length === 0)
        throw new UsageError("nothing to audit: no environment has its read identity variables");
      const expect = [...new Set(entries.map((entry) => entry.split))]
        .map((split) => `${split}=${entries.filter((entry) => entry.split === split).length}`)
        .join(" ");
      setOutput("shards", JSON.stringify(entries), { env: run.env });
      setOutput("expect", expect, { env: run.env });
      run.printResult({ shards: entries, expect }, (value) => JSON.stringify(value));
    },
  }),
);
