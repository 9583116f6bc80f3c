import type { HandedToken } from "@infra/auth";
import { defineCommand } from "@infra/cli";
import { connectionsFor } from "./task-connections.ts";
import type { TaskDefinition } from "./task-definition.ts";
import { serveTaskSession } from "./task-session-client.ts";

/** Under a root command: join its task session and do what it asks until it says bye. */
export function sessionCommand(definition: TaskDefinition) {
  return defineCommand({
    name: `${definition.name} session`,
    summary: `${definition.summary} Joins the root command's run.`,
    options: {},
    async run(run) {
      let handed: HandedToken | undefined;
      await serveTaskSession(definition, {
        env: run.env,
        log: run.log,
        verbose: run.flags.verbose,
        connections: connectionsFor(definition, run, () => handed),
        onHandedToken: (token) => {
          handed = token;
        },
      });
    },
  });
}
