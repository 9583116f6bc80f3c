import type { HandedToken } from "@infra/auth";
import { defineCommand } from "@infra/cli";
import { connectionsFor } from "./task-connections.ts";
import type { TaskDefinition } from "./task-definition.ts";
import { serveTaskSession } from "./task-session-client.ts";

/** A task this process answers for, and the workspace package the root knows it by. */
export interface SessionMember {
  readonly packageName: string;
  readonly definition: TaskDefinition;
}

/**
 * Under a root command: join its task session, once for each task this process runs (one task, or every task of an
 * audit), and do what it asks until it says bye.
 */
export function sessionCommand(members: readonly SessionMember[]) {
  return defineCommand({
    name: `${members.map((member) => member.definition.name).join(", ")} session`,
    summary: "Joins the root command's run.",
    options: {},
    async run(run) {
      await Promise.all(
        members.map(({ packageName, definition }) => {
          let handed: HandedToken | undefined;
          return serveTaskSession(definition, {
            packageName,
            env: run.env,
            log: run.log,
            verbose: run.flags.verbose,
            connections: connectionsFor(definition, run, () => handed),
            onHandedToken: (token) => {
              handed = token;
            },
          });
        }),
      );
    },
  });
}
