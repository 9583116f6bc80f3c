import { readFileSync } from "node:fs";
import type { EnvironmentSection } from "@infra/environments";
import type { TaskDefinition, TaskList } from "@infra/task";

/**
 * Every task package, once: the `dependencies` of this package (`pnpm run new-task NAME` adds the line). A dependency
 * is what lets this package load the task, so the list and the ability to load it cannot drift apart. The libraries
 * are devDependencies and are not tasks.
 */
const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  name: string;
  dependencies?: object;
};
export const TASK_PACKAGES: readonly string[] = Object.keys(manifest.dependencies ?? {}).sort();

/** What every task package exports as `<package>/environment-sections`: its parts of an environment, light to load. */
interface SectionsModule {
  readonly sections: readonly EnvironmentSection[];
}

let sections: Promise<readonly EnvironmentSection[]> | undefined;

/**
 * The tasks as the root commands take them: the packages, and a loader of every task's environment sections in list
 * order. Only the sections are imported (zod schemas), never a task's kinds or Azure clients, and only when a command
 * reads an environment: a root command starts quickly.
 */
export const taskList: TaskList = {
  packages: TASK_PACKAGES,
  auditHost: manifest.name,
  sections: () =>
    (sections ??= Promise.all(
      TASK_PACKAGES.map(async (name) => (await import(`${name}/environment-sections`)) as SectionsModule),
    ).then((modules) => modules.flatMap((module) => module.sections))),
};

/**
 * Every listed task's definition (`<package>/task`), kinds, audit and rules included: for what needs the tasks
 * themselves, such as the audit rules page. This loads every task's Azure clients; a root command never needs it.
 */
export async function loadTaskDefinitions(): Promise<TaskDefinition[]> {
  return Promise.all(TASK_PACKAGES.map(loadTaskDefinition));
}

/** One listed task's definition (`<package>/task`): its loaders import its kinds and audit only when used. */
export async function loadTaskDefinition(name: string): Promise<TaskDefinition> {
  if (!TASK_PACKAGES.includes(name)) {
    throw new Error(`${name} is not a listed task (the list: ${TASK_PACKAGES.join(", ")})`);
  }
  return ((await import(`${name}/task`)) as { task: TaskDefinition }).task;
}
