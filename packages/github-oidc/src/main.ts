import { runCommand } from "@infra/cli";
import { bootstrapCommand } from "./bootstrap-command.ts";

await runCommand(bootstrapCommand);
