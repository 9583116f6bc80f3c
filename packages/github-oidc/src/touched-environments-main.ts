// `node --import tsx/esm packages/github-oidc/src/touched-environments-main.ts --base SHA | --only NAME`: the plan and provision
// workflows' matrix, as `environments=[{"environment":"prod","suffix":"PROD"}]` in $GITHUB_OUTPUT (and on stdout).
import { defineCommand, runCommand, setOutput, UsageError } from "@infra/cli";
import { repoEnvironments } from "@infra/environments";
import { $ } from "zx";
import { variableSuffix } from "./github-variables.ts";
import { type TouchedEnvironment, touchedEnvironments } from "./touched-environments.ts";

await runCommand(
  defineCommand({
    name: "touched-environments",
    summary: "List the deployable environments a change touches (for the plan and provision workflows' matrix).",
    usage: `  --base REF   compare HEAD with this commit (the pull request's base, or the push's previous head)
  --only NAME  just this environment (a manual run's choice)`,
    options: { base: { type: "string" }, only: { type: "string" } },
    async run(run) {
      const deployable = Object.keys(repoEnvironments).filter((name) => name !== "local");
      let touched: TouchedEnvironment[];
      if (run.values.only !== undefined) {
        if (!deployable.includes(run.values.only)) {
          throw new UsageError(
            `--only ${run.values.only}: not one of this repository's environments (${deployable.join(", ")})`,
          );
        }
        touched = [{ environment: run.values.only, suffix: variableSuffix(run.values.only) }];
      } else {
        if (!run.values.base) throw new UsageError("--base REF or --only NAME is required");
        const diff = await $({ quiet: true, nothrow: true })`git diff --name-only ${run.values.base}...HEAD`;
        if (diff.exitCode === 0) {
          const files = diff.stdout.split("\n").filter((line) => line.length > 0);
          touched = touchedEnvironments(files, deployable);
          run.log.info("%d file(s) changed since %s", files.length, run.values.base);
        } else {
          // A force push or a first push names a base this clone does not have: every environment, never none.
          run.log.warn(
            "cannot compare with %s (%s): every environment counts as touched",
            run.values.base,
            diff.stderr.trim(),
          );
          touched = deployable.map((name) => ({ environment: name, suffix: variableSuffix(name) }));
        }
      }
      run.log.info("environments touched: %s", touched.map((t) => t.environment).join(", ") || "none");
      setOutput("environments", JSON.stringify(touched), { env: run.env });
      run.printResult(touched, (value) => JSON.stringify(value));
    },
  }),
);
