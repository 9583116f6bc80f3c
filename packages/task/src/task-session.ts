import { randomBytes } from "node:crypto";
import { createServer, type Socket } from "node:net";
import { CliError, ExitCode, InterruptedError, type Logger } from "@infra/cli";
import { RemoteTaskRuntime } from "./remote-task-runtime.ts";
import { startTurbo, type TurboProcess } from "./run-turbo.ts";
import type { TaskList } from "./task-list.ts";
import type { TaskRuntime } from "./task-runtime.ts";
import { packagesWithScript } from "./task-session-packages.ts";
import {
  onMessages,
  sendMessage,
  TASK_SESSION_PACKAGES_VARIABLE,
  TASK_SESSION_TOKEN_VARIABLE,
  TASK_SESSION_VARIABLE,
} from "./task-session-protocol.ts";

export interface TaskSessionOptions {
  /** The turbo task every participating package defines: `provision` (plan and apply) or `audit`. */
  turboTask: "provision" | "audit";
  /**
   * The tasks to start: those of them that define `turboTask` join, and the root waits for each. For `provision` turbo
   * starts each in a process of its own; for `audit` it starts the list's audit host, one process joining for all.
   */
  tasks: TaskList;
  /** Flags every task process gets (environment, verbosity, credential choice). */
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  repoRoot: string;
  signal: AbortSignal;
  verbose: boolean;
  /** Where the root says, once, who the run signed in as. */
  log?: Logger | undefined;
}

/** The task processes of one root command, joined and ready for requests. */
export interface TaskSession {
  readonly runtimes: readonly TaskRuntime[];
}

/**
 * A task process ended before it joined the session: its own error is in the output above. When turbo said which
 * task failed, the message names it apart from the tasks turbo stopped because of it.
 */
export class TaskStartError extends CliError {
  constructor(missing: readonly string[], failed: ReadonlySet<string>, turboExitCode: number) {
    const failedFirst = missing.filter((name) => failed.has(name));
    const stopped = missing.filter((name) => !failed.has(name));
    // The audit host is a package of its own (the task list): when it fails, no task it answers for joins.
    const failedHost = [...failed].filter((name) => !missing.includes(name));
    super(
      failedFirst.length > 0
        ? `${failedFirst.join(", ")} failed before joining the run (turbo exited ${turboExitCode}` +
            `${stopped.length > 0 ? ` and stopped ${stopped.join(", ")}` : ""}); see the output above`
        : failedHost.length > 0
          ? `${failedHost.join(", ")} failed before ${missing.join(", ")} joined the run (turbo exited ${turboExitCode}); see the output above`
          : `${missing.join(", ")} ended before joining the run (turbo exited ${turboExitCode}); see the output above`,
      turboExitCode === 2 ? ExitCode.config : ExitCode.failure,
    );
    this.name = "TaskStartError";
  }
}

/**
 * Starts the task processes through turbo (one per package with `provision`, all at once; one audit host for every
 * package with `audit`), waits until each task has joined, runs `work` with them, then says bye and waits for turbo
 * to end (ending its process group if it lingers).
 * Only the root command schedules: the processes plan and write when asked and stop when the session ends.
 */
export async function withTaskSession<T, P = undefined>(
  options: TaskSessionOptions,
  work: (session: TaskSession, prepared: P) => Promise<T>,
  prepare?: () => Promise<P>,
): Promise<T> {
  const expected = await packagesWithScript(options.repoRoot, options.turboTask, options.tasks.packages);
  const token = randomBytes(24).toString("hex");
  const runtimes = new Map<string, RemoteTaskRuntime>();
  const sockets = new Set<Socket>();
  const joinedSockets: Socket[] = [];
  let ended = false;
  let allJoined: () => void = () => undefined;
  const joined = new Promise<void>((resolve) => {
    allJoined = resolve;
  });
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
    let runtime: RemoteTaskRuntime | undefined;
    onMessages(socket, (message) => {
      if (runtime) {
        if (message.type === "reply") runtime.receive(message);
        return;
      }
      if (message.type !== "hello" || message.token !== token) {
        socket.destroy();
        return;
      }
      // The run ended before this task joined (a sign-in or scope error): it leaves now, not when turbo is stopped.
      if (ended) {
        sendMessage(socket, { type: "bye" });
        socket.end();
        return;
      }
      runtime = new RemoteTaskRuntime(message.task, socket);
      runtimes.set(message.package, runtime);
      joinedSockets.push(socket);
      if (expected.every((name) => runtimes.has(name))) allJoined();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  if (expected.length === 0) allJoined();

  // No listed task defines the script: there is nothing to start (an unfiltered turbo would start every package).
  const turbo: TurboProcess =
    expected.length === 0
      ? { exited: new Promise<number>(() => undefined), failed: new Set(), stop: async () => undefined }
      : startTurbo({
          task: options.turboTask,
          args: options.args,
          packages: options.turboTask === "audit" ? [options.tasks.auditHost] : expected,
          env: {
            ...options.env,
            [TASK_SESSION_VARIABLE]: `127.0.0.1:${port}`,
            [TASK_SESSION_TOKEN_VARIABLE]: token,
            [TASK_SESSION_PACKAGES_VARIABLE]: expected.join(","),
          },
          cwd: options.repoRoot,
          verbose: options.verbose,
        });
  // The root signs in while the task processes start, and hands each its token: one sign-in per run, not one per task.
  // (Loaded once turbo is on its way: the sign-in's modules load while the task processes load theirs.)
  const handing =
    expected.length === 0
      ? undefined
      : import("@infra/auth").then(async ({ tokenToHandOver, describeHandedToken }) => {
          const handed = await tokenToHandOver({ env: options.env, abortSignal: options.signal });
          return { handed, signedInAs: describeHandedToken(handed) };
        });
  handing?.catch(() => undefined);
  // What the root does with its sign-in (an audit resolves its scope) runs while the tasks are still joining.
  const preparing = (handing ?? Promise.resolve()).then(() => prepare?.() as Promise<P>);
  preparing.catch(() => undefined);
  const interrupted = new Promise<never>((_resolve, reject) => {
    const stop = (): void => reject(new InterruptedError("interrupted before every task had started"));
    if (options.signal.aborted) stop();
    options.signal.addEventListener("abort", stop, { once: true });
  });
  interrupted.catch(() => undefined);
  try {
    const [, handed, prepared] = await Promise.race([
      Promise.all([joined, handing, preparing]),
      interrupted,
      turbo.exited.then((code) => {
        throw new TaskStartError(
          expected.filter((name) => !runtimes.has(name)),
          turbo.failed,
          code,
        );
      }),
    ]);
    if (handed !== undefined) {
      for (const socket of joinedSockets) sendMessage(socket, { type: "credential", handed: handed.handed });
      // Every task has joined and holds the token: one line for the run, where each task used to say it.
      options.log?.scope("auth").info("%s", handed.signedInAs);
    }
    // In task order, so whatever is reported per task reads the same on every run.
    const joinedRuntimes = [...runtimes.values()].sort((a, b) => a.task.localeCompare(b.task));
    return await work({ runtimes: joinedRuntimes }, prepared);
  } finally {
    ended = true;
    for (const socket of sockets) {
      sendMessage(socket, { type: "bye" });
      socket.end();
    }
    await turbo.stop(10_000);
    for (const socket of sockets) socket.destroy();
    server.close();
  }
}
