// `node --import tsx/esm packages/github-oidc/src/plan-markdown-main.ts --plan plan.json --output plan.md [--comment ENV --commit SHA]`:
// a saved plan as the Markdown the workflows post (job summary, and the pull request's one comment per environment).
import { writeFile } from "node:fs/promises";
import { appendStepSummary, defineCommand, runCommand, UsageError } from "@infra/cli";
import { readPlanFile } from "@infra/plan";
import { planMarkdown } from "@infra/task";
import { planCommentMarker } from "./plan-comment.ts";

await runCommand(
  defineCommand({
    name: "plan-markdown",
    summary: "Render a saved plan as Markdown, add it to the job summary and write it for the PR comment.",
    usage: `  --plan PATH     the plan saved by \`pnpm run plan -- --out PATH\`
  --output PATH   where to write the Markdown
  --comment ENV   start with the hidden marker the workflow finds its comment for ENV by
  --commit SHA    the commit the plan was made for, named under the heading
  --note TEXT     a paragraph under the heading (what happens to this plan)`,
    options: {
      plan: { type: "string" },
      output: { type: "string" },
      comment: { type: "string" },
      commit: { type: "string" },
      note: { type: "string" },
    },
    async run(run) {
      if (!run.values.plan || !run.values.output) throw new UsageError("--plan PATH and --output PATH are required");
      const [heading = "", ...rest] = planMarkdown(await readPlanFile(run.values.plan)).split("\n");
      const about = [run.values.commit ? `Planned at \`${run.values.commit}\`.` : "", run.values.note ?? ""].filter(
        (line) => line.length > 0,
      );
      const markdown = [
        ...(run.values.comment ? [planCommentMarker(run.values.comment)] : []),
        heading,
        ...(about.length > 0 ? ["", about.join(" ")] : []),
        ...rest,
      ].join("\n");
      await writeFile(run.values.output, markdown);
      appendStepSummary(markdown, { env: run.env });
    },
  }),
);
