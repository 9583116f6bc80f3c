// Scaffolds a task package: `pnpm run new-task <name>` -> packages/<name> that passes lint, typecheck and test as is.
import { access, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { $ } from "zx";
import { parseScriptArgs } from "./script-args.ts";

const usage = `new-task - scaffold a task package, packages/<name> (@infra/<name>), that passes lint, typecheck and test as it
is; then docs/adding-a-task.md takes it to a resource type that plan, provision, destroy and audit handle.

Usage: pnpm run new-task <name>   (kebab-case, e.g. key-vault)

Options:
  --help, -h   show this help

Exit codes: 0 created, 2 no name, not kebab-case, or packages/<name> exists`;
const { positionals } = parseScriptArgs(usage, {}, { allowPositionals: true });
const name = positionals[0];
if (!name || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) || positionals.length > 1) {
  const problem = !name
    ? "a name is required"
    : positionals.length > 1
      ? "one name only"
      : `"${name}" is not a kebab-case name`;
  process.stderr.write(`new-task: ${problem}\n\n${usage}\n`);
  process.exit(2);
}

const root = join(import.meta.dirname, "..");
const dir = join(root, "packages", name);
const exists = await access(dir).then(
  () => true,
  () => false,
);
if (exists) {
  process.stderr.write(`new-task: packages/${name} already exists; pick another name or remove it first\n`);
  process.exit(2);
}

const files: Record<string, string> = {
  "package.json": `${JSON.stringify(
    {
      name: `@infra/${name}`,
      version: "0.0.0",
      private: true,
      description: `Task: ${name}.`,
      type: "module",
      exports: { ".": "./src/index.ts" },
      scripts: {
        lint: "biome check .",
        typecheck: "tsc -p tsconfig.json",
        test: "vitest run",
      },
      dependencies: { "@infra/cli": "workspace:*" },
      devDependencies: {
        "@types/node": "catalog:tooling",
        // The scripts that enrol the task run `node --import tsx/esm src/main.ts` (docs/adding-a-task.md).
        tsx: "catalog:tooling",
        typescript: "catalog:tooling",
        vitest: "catalog:tooling",
      },
    },
    null,
    2,
  )}\n`,
  "tsconfig.json": `${JSON.stringify({ extends: "../../tsconfig.base.json", include: ["src", "test", "*.ts"] }, null, 2)}\n`,
  "README.md": `# @infra/${name}\n\nTask package: what it provisions and what it audits. See docs/adding-a-task.md.\n`,
  "src/index.ts": `export { describeTask } from "./describe-task.ts";\n`,
  "src/describe-task.ts": `/** What this task manages, shown by \`--help\` and in plans. */\nexport function describeTask(): string {\n  return "${name}: nothing yet";\n}\n`,
  "src/main.ts": `import { defineCommand, runCommand } from "@infra/cli";\nimport { describeTask } from "./describe-task.ts";\n\nawait runCommand(\n  defineCommand({\n    name: "${name}",\n    summary: describeTask(),\n    run({ printResult }) {\n      printResult({ task: "${name}", description: describeTask() }, (result) => result.description);\n    },\n  }),\n);\n`,
  "test/describe-task.test.ts": `import { describe, expect, it } from "vitest";\nimport { describeTask } from "../src/describe-task.ts";\n\ndescribe("describeTask", () => {\n  it("names the task", () => {\n    expect(describeTask()).toMatch(/^${name}:/);\n  });\n});\n`,
};

for (const [file, text] of Object.entries(files)) {
  await mkdir(join(dir, file, ".."), { recursive: true });
  await writeFile(join(dir, file), text);
}
await $({ cwd: root, stdio: "inherit" })`pnpm install --no-frozen-lockfile --silent`;
// Generated JSON is formatted by the house formatter, so the new package passes lint as it is.
await $({ cwd: root, stdio: "inherit" })`pnpm exec biome format --write ${dir}`;
process.stderr.write(`new-task: created packages/${name} (@infra/${name}); next: docs/adding-a-task.md\n`);
