// Task packages build on the libraries only, never on each other: what two tasks share belongs in a library
// (@infra/arm for the ARM layer), and the order of an apply comes from the plan's address-level dependsOn, not from
// package imports. A task is a package the root commands start: one that exports its definition (`./task`), or has a
// `provision` or an `audit` script. The task list (@infra/tasks) is not one: it depends on every task by design, and its
// `audit` script hosts every task's audit in one process.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./repo-root.ts";

interface PackageFacts {
  readonly name: string;
  readonly isTask: boolean;
  readonly dependencies: readonly string[];
}

const TASK_SCRIPTS = ["provision", "audit"];
const TASK_LIST = "@infra/tasks";

async function workspacePackages(): Promise<PackageFacts[]> {
  const entries = await readdir(join(repoRoot, "packages"), { withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry): Promise<PackageFacts> => {
        const dir = join(repoRoot, "packages", entry.name);
        const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as {
          name: string;
          exports?: Record<string, string>;
          scripts?: Record<string, string>;
          dependencies?: Record<string, string>;
          devDependencies?: Record<string, string>;
        };
        const hasTaskScript = TASK_SCRIPTS.some((script) => manifest.scripts?.[script] !== undefined);
        return {
          name: manifest.name,
          isTask: manifest.name !== TASK_LIST && (hasTaskScript || manifest.exports?.["./task"] !== undefined),
          dependencies: Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }),
        };
      }),
  );
}

/** Each dependency of a task package on another task package, as `<package> depends on task <dependency>`. */
function taskOnTaskDependencies(packages: readonly PackageFacts[]): string[] {
  const tasks = new Set(packages.filter((facts) => facts.isTask).map((facts) => facts.name));
  return packages
    .filter((facts) => facts.isTask)
    .flatMap((facts) =>
      facts.dependencies
        .filter((dependency) => tasks.has(dependency))
        .map((dependency) => `${facts.name} depends on task ${dependency}`),
    )
    .sort();
}

describe("task packages", () => {
  it("depend on libraries only, never on another task (dependencies and devDependencies)", async () => {
    const packages = await workspacePackages();
    expect(packages.filter((facts) => facts.isTask).length).toBeGreaterThan(1);
    expect(taskOnTaskDependencies(packages)).toEqual([]);
  });

  it("are named with the task they depend on when they do", () => {
    const packages: PackageFacts[] = [
      { name: "@infra/arm", isTask: false, dependencies: [] },
      { name: "@infra/groups", isTask: true, dependencies: ["@infra/arm"] },
      { name: "@infra/storage", isTask: true, dependencies: ["@infra/arm", "@infra/groups"] },
      { name: "@infra/e2e", isTask: false, dependencies: ["@infra/groups", "@infra/storage"] },
    ];
    expect(taskOnTaskDependencies(packages)).toEqual(["@infra/storage depends on task @infra/groups"]);
  });
});
