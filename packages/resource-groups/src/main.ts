import { runTask } from "@infra/task";
import { resourceGroupsTask } from "./task.ts";

await runTask(resourceGroupsTask);
