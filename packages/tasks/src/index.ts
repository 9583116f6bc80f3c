import { loadTaskList } from "./tasks.ts";

export { loadTaskDefinitions, loadTaskList, TASK_PACKAGES } from "./tasks.ts";

/** The repository's tasks, loaded once. */
export const taskList = await loadTaskList();
