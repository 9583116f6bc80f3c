import { runTask } from "@infra/task/run-task";
import { governanceTask } from "./task.ts";

await runTask(governanceTask);
