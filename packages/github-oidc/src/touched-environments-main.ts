// `node --import tsx/esm packages/github-oidc/src/touched-environments-main.ts --base SHA`: the plan workflow's
// matrix, as `environments=[{"environment":"prod","suffix":"PROD"}]` in $GITHUB_OUTPUT (and on stdout).
import { defineCommand, runCommand, setOutput, UsageError } from "@infra/cli";
import { repoEnvironments } from "@infra/environments";
import { $ } from "zx";
import { touchedEnvironments } from "./touched-environments.ts";

await runCommand(
  defineCommand({
    name: "touched-environments",
    summary: "List the deployable environments a change touches (for the plan workflow's matrix).",
    usage: "  --base REF   compare HEAD with this commit (the pull request's base)",
    options: { base: { type: "string" } },
    async run(run) {
      if (!run.values.base) throw new UsageError("--base REF is required");
      const diff = await $({ quiet: true })`git diff --name-only ${run.values.base}...HEAD`;
      const files = diff.stdout.split("\n").filter((line) => line.length > 0);
      const deployable = Object.keys(repoEnvironments).filter((name) => name !== "local");
      const touched = touchedEnvironments(files, deployable);
      run.log.info(
        "%d file(s) changed; environments touched: %s",
        files.length,
        touched.map((t) => t.environment).join(", ") || "none",
      );
      setOutput("environments", JSON.stringify(touched), { env: run.env });
      run.printResult(touched, (value) => JSON.stringify(value));
    },
  }),
);
