import { DeclinedError, defineCommand } from "@infra/cli";
import { loadEnvironment } from "@infra/environments";
import { commandEnvironment } from "./command-environment.ts";
import { confirmApply } from "./confirm-apply.ts";
import type { TaskList } from "./task-list.ts";

/** `pnpm run unlock -- --env X [--yes]`: breaks the environment's apply lock, after naming who holds it. */
export function rootUnlockCommand(tasks: TaskList) {
  return defineCommand({
    name: "unlock",
    summary:
      "Break an environment's apply lock (only when the run holding it is gone for good; a crashed run's lock lapses by itself within a minute).",
    usage:
      "  --yes   break it without asking (required without a terminal); name the environment with --env or --env-file",
    options: {},
    async run(run) {
      const environment = await loadEnvironment(
        { env: run.flags.env, envFile: run.flags.envFile },
        await tasks.sections(),
      );
      // The lock lives in Azure: this command signs in (the other root commands leave that to their tasks).
      const [{ connectAzure }, { EnvironmentLock, describeHolder, lockHome }] = await Promise.all([
        import("@infra/auth"),
        import("@infra/arm"),
      ]);
      const azure = await connectAzure({
        task: "unlock",
        env: commandEnvironment(run.flags, run.env),
        subscriptionId: environment.subscriptionId,
        log: run.log,
        abortSignal: run.signal,
      });
      const home = lockHome(environment, azure.subscriptionId);
      const lock = home
        ? new EnvironmentLock({ azure, environment: environment.name, home, leaseSeconds: 60, log: run.log })
        : undefined;
      const status = lock ? await lock.status(run.signal) : { state: "Available", holder: undefined };
      if (!lock || (status.state !== "Leased" && status.state !== "Breaking")) {
        run.printResult({ environment: environment.name, broken: null }, () => `${environment.name} is not locked.`);
        return;
      }
      const holder = describeHolder(status.holder);
      run.stderr.write(`${environment.name} is locked by ${holder}\n`);
      const confirmed = await confirmApply({
        action: `break the lock held by ${holder}`,
        environment: environment.name,
        protectedEnvironment: false,
        yes: run.flags.yes,
        confirmEnv: undefined,
        input: process.stdin,
        output: process.stderr,
      });
      if (!confirmed) throw new DeclinedError();
      await lock.breakIt(run.signal);
      run.printResult(
        { environment: environment.name, broken: status.holder ?? null },
        () =>
          `Broke the lock on ${environment.name} held by ${holder}. Its run can no longer write; run again to converge.`,
      );
    },
  });
}
