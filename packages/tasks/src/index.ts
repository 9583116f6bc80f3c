export { loadTaskDefinitions, TASK_PACKAGES, taskList } from "./tasks.ts";
