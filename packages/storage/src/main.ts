import { runTask } from "@infra/task";
import { storageTask } from "./provision/task.ts";

await runTask(storageTask);
