import { runTask } from "@infra/task/run-task";
import { storageTask } from "./provision/task.ts";

await runTask(storageTask);
