import type { ParseArgsOptionsConfig } from "node:util";
import { type AzureContext, connectAzure, type HandedToken } from "@infra/auth";
import { type CommandContext, UsageError } from "@infra/cli";
import type { Environment } from "@infra/environments";
import type { TaskConnections } from "./local-task-runtime.ts";
import type { TaskContext, TaskDefinition } from "./task-definition.ts";

/**
 * Signs in once per process, the first time a request needs Azure (with the root command's token when it handed one);
 * the environment file is read the same way.
 */
export function connectionsFor<O extends ParseArgsOptionsConfig>(
  { name: task, environmentSections }: TaskDefinition,
  run: Pick<CommandContext<O>, "flags" | "env" | "log" | "signal">,
  handedToken: () => HandedToken | undefined = () => undefined,
): TaskConnections {
  const chosen = Boolean(run.flags.env || run.flags.envFile);
  let environment: Promise<Environment | undefined> | undefined;
  let azure: Promise<AzureContext> | undefined;
  // The environment code, its schemas and the YAML reader load only for a run that names an environment.
  const read = async () => {
    const [{ loadEnvironment }, sections] = await Promise.all([import("@infra/environments"), environmentSections()]);
    return loadEnvironment({ env: run.flags.env, envFile: run.flags.envFile }, sections, { otherKeys: "kept" });
  };
  const loadOnce = () => (environment ??= chosen ? read() : Promise.resolve(undefined));
  const signInOnce = async () =>
    (azure ??= loadOnce().then((loaded) =>
      connectAzure({
        task,
        env: run.env,
        subscriptionId: loaded?.subscriptionId,
        log: run.log,
        abortSignal: run.signal,
        handedToken: handedToken(),
      }),
    ));
  return {
    async provisioning(): Promise<TaskContext> {
      const loaded = await loadOnce();
      if (!loaded) throw new UsageError("choose an environment: --env NAME or --env-file PATH");
      return { azure: await signInOnce(), environment: loaded, signal: run.signal };
    },
    async auditing() {
      return { azure: await signInOnce(), environment: await loadOnce() };
    },
  };
}
