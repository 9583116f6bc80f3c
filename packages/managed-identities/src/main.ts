import { runTask } from "@infra/task";
import { managedIdentitiesTask } from "./task.ts";

await runTask(managedIdentitiesTask);
