import { runTask } from "@infra/task/run-task";
import { managedIdentitiesTask } from "./task.ts";

await runTask(managedIdentitiesTask);
