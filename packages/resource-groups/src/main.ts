import { runTask } from "@infra/task/run-task";
import { resourceGroupsTask } from "./task.ts";

await runTask(resourceGroupsTask);
