import { runCommand } from "@infra/cli";
import { whoamiCommand } from "./whoami-command.ts";

await runCommand(whoamiCommand);
