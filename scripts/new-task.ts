// Scaffolds a task package: `pnpm run new-task <name>` -> packages/<name>, a working task listed in @infra/tasks.
import { access, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { $ } from "zx";
import { parseScriptArgs } from "./script-args.ts";
import { enrol } from "./task-list-line.ts";

const usage = `new-task - scaffold a task package, packages/<name> (@infra/<name>): a working task with an environment
section and no resource kinds yet, that passes lint, typecheck and test as it is, listed in @infra/tasks (one line in
packages/tasks/package.json); then docs/adding-a-task.md takes it to a resource type that plan, provision, destroy and
audit handle.

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

// The section's key: the name in camelCase (`key-vault` -> `keyVault`), beside `resourceGroups` and `storage`.
const key = name.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
const constant = `${key}Section`;
const taskConstant = `${key}Task`;
const provisioningConstant = `${key}Provisioning`;

const files: Record<string, string> = {
  "package.json": `${JSON.stringify(
    {
      name: `@infra/${name}`,
      version: "0.0.0",
      private: true,
      description: `Task: ${name}.`,
      type: "module",
      exports: {
        ".": "./src/index.ts",
        "./environment-sections": "./src/environment-sections.ts",
        "./task": "./src/task.ts",
      },
      scripts: {
        lint: "biome check .",
        typecheck: "tsc -p tsconfig.json",
        test: "vitest run",
        // The script that enrols the task in plan, provision and destroy (docs/adding-a-task.md).
        plan: "node --import tsx/esm src/main.ts plan",
        provision: "node --import tsx/esm src/main.ts provision",
      },
      dependencies: {
        "@infra/environments": "workspace:*",
        "@infra/task": "workspace:*",
        zod: "catalog:tooling",
      },
      devDependencies: {
        "@types/node": "catalog:tooling",
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
  [`src/${name}-section.ts`]: `import { defineSection } from "@infra/environments";
import { z } from "zod";

export const ${key}SectionSchema = z.strictObject({
  /** What the environment wants of this task; an empty section asks for nothing. */
  names: z.array(z.string().min(1)).default([]),
});

export type ${key.charAt(0).toUpperCase()}${key.slice(1)}Section = z.output<typeof ${key}SectionSchema>;

/** \`${key}\`: this task's part of an environment (a default, so files without it stay valid). */
export const ${constant} = defineSection({
  key: "${key}",
  schema: ${key}SectionSchema.default({ names: [] }),
});
`,
  "src/environment-sections.ts": `import type { EnvironmentSection } from "@infra/environments";
import { ${constant} } from "./${name}-section.ts";

/** The parts of an environment this task owns (what \`@infra/tasks\` composes the environment schema from). */
export const sections: readonly EnvironmentSection[] = [${constant}];

/** Every part its process reads: its own (add the sections of the tasks it builds on). */
export const readSections: readonly EnvironmentSection[] = sections;
`,
  "src/task.ts": `import type { TaskDefinition } from "@infra/task";

/** Task \`${name}\`: no resource kinds yet, so its part of every plan is empty. */
export const ${taskConstant}: TaskDefinition = {
  name: "${name}",
  summary: "${name}: nothing yet",
  environmentSections: async () => (await import("./environment-sections.ts")).readSections,
  provisioning: async () => (await import("./provisioning.ts")).${provisioningConstant},
};

/** The name \`@infra/tasks\` loads every listed task by. */
export { ${taskConstant} as task };
`,
  "src/provisioning.ts": `import type { TaskProvisioning } from "@infra/task";

/** What the task provisions, loaded only by a process that plans: no resource kinds yet. */
export const ${provisioningConstant}: TaskProvisioning = {
  kinds: () => [],
  desired: () => [],
};
`,
  "src/main.ts": `import { runTask } from "@infra/task/run-task";
import { ${taskConstant} } from "./task.ts";

await runTask(${taskConstant});
`,
  "src/index.ts": `export { ${constant} } from "./${name}-section.ts";
export { ${taskConstant} } from "./task.ts";
`,
  "test/task.test.ts": `import { validateEnvironment } from "@infra/environments";
import { describe, expect, it } from "vitest";
import { ${constant} } from "../src/${name}-section.ts";
import { ${taskConstant} } from "../src/task.ts";

const base = { name: "test", location: "westeurope", namingPrefix: "tst" };

describe("${name}", () => {
  it("gives an environment without the section an empty one", async () => {
    const environment = validateEnvironment(base, "test", await ${taskConstant}.environmentSections());
    expect(${constant}.of(environment)).toEqual({ names: [] });
  });

  it("wants nothing yet", async () => {
    const provisioning = await ${taskConstant}.provisioning?.();
    expect(provisioning?.kinds({} as never)).toEqual([]);
    expect(await provisioning?.desired({} as never)).toEqual([]);
  });
});
`,
};

for (const [file, text] of Object.entries(files)) {
  await mkdir(join(dir, file, ".."), { recursive: true });
  await writeFile(join(dir, file), text);
}
await enrol(join(root, "packages", "tasks", "package.json"), `@infra/${name}`);
await $({ cwd: root, stdio: "inherit" })`pnpm install --no-frozen-lockfile --silent`;
// Generated JSON is formatted by the house formatter, so the new package passes lint as it is.
await $({ cwd: root, stdio: "inherit" })`pnpm exec biome format --write ${dir}`;
process.stderr.write(
  `new-task: created packages/${name} (@infra/${name}) and listed it in packages/tasks/package.json; next: docs/adding-a-task.md\n`,
);
