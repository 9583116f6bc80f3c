import { runTask } from "@infra/task";
import { governanceTask } from "./task.ts";

await runTask(governanceTask);
