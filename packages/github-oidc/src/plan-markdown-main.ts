// `node --import tsx/esm packages/github-oidc/src/plan-markdown-main.ts --plan plan.json --output plan.md`: a saved
// plan as the Markdown the plan workflow posts (job summary and PR comment).
import { writeFile } from "node:fs/promises";
import { appendStepSummary, defineCommand, runCommand, UsageError } from "@infra/cli";
import { readPlanFile } from "@infra/plan";
import { planMarkdown } from "@infra/task";

await runCommand(
  defineCommand({
    name: "plan-markdown",
    summary: "Render a saved plan as Markdown, add it to the job summary and write it for the PR comment.",
    usage:
      "  --plan PATH     the plan saved by `pnpm run plan -- --out PATH`\n  --output PATH   where to write the Markdown",
    options: { plan: { type: "string" }, output: { type: "string" } },
    async run(run) {
      if (!run.values.plan || !run.values.output) throw new UsageError("--plan PATH and --output PATH are required");
      const markdown = planMarkdown(await readPlanFile(run.values.plan));
      await writeFile(run.values.output, markdown);
      appendStepSummary(markdown, { env: run.env });
    },
  }),
);
