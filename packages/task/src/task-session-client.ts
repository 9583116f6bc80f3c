import { connect } from "node:net";
import type { HandedToken } from "@infra/auth";
import { describeError, type Logger } from "@infra/cli";
import { type LocalTaskRuntimeOptions, localTaskRuntime } from "./local-task-runtime.ts";
import type { TaskDefinition } from "./task-definition.ts";
import type { TaskRuntime } from "./task-runtime.ts";
import {
  onMessages,
  type RemoteError,
  type RequestMessage,
  sendMessage,
  TASK_SESSION_TOKEN_VARIABLE,
  TASK_SESSION_VARIABLE,
} from "./task-session-protocol.ts";

/** The root command went away (killed, crashed): this task stops writing at once. */
export class SessionLostError extends Error {
  constructor() {
    super("the root command that started this task is gone; stopped");
    this.name = "SessionLostError";
  }
}

export interface ServeOptions {
  /** The workspace package the task is, as the root expects it to join. */
  packageName: string;
  env: NodeJS.ProcessEnv;
  log: Logger;
  verbose: boolean;
  connections: LocalTaskRuntimeOptions["connections"];
  /** The root's Azure token, handed before its first request. */
  onHandedToken(handed: HandedToken): void;
}

/**
 * A task process under a root command: joins the root's task session and answers its requests until it says bye.
 * Resolves on bye; rejects with SessionLostError when the connection drops first, after aborting everything in flight.
 */
export async function serveTaskSession(definition: TaskDefinition, options: ServeOptions): Promise<void> {
  const address = options.env[TASK_SESSION_VARIABLE];
  const token = options.env[TASK_SESSION_TOKEN_VARIABLE];
  if (!address || !token) throw new Error(`${TASK_SESSION_VARIABLE} is not set: this runs under a root command only`);
  const [host = "127.0.0.1", port = ""] = address.split(":");
  const lifetime = new AbortController();
  const runtime = localTaskRuntime(definition, {
    connections: options.connections,
    log: options.log,
    signal: lifetime.signal,
  });
  const socket = connect({ host, port: Number(port) });
  socket.setNoDelay(true);
  return new Promise<void>((resolve, reject) => {
    let said = false;
    socket.on("connect", () =>
      sendMessage(socket, {
        type: "hello",
        token,
        task: definition.name,
        package: options.packageName,
        pid: process.pid,
      }),
    );
    onMessages(socket, (message) => {
      if (message.type === "bye") {
        said = true;
        // Nothing outlives the session: whatever is still in flight is given up on (the root has its report).
        lifetime.abort(new Error("the run ended"));
        socket.end();
        resolve();
      } else if (message.type === "credential") {
        options.onHandedToken(message.handed);
      } else if (message.type === "request") {
        void answer(runtime, message, options.verbose).then((reply) => sendMessage(socket, reply));
      }
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      if (said) return;
      lifetime.abort(new SessionLostError());
      reject(new SessionLostError());
    });
  });
}

async function answer(runtime: TaskRuntime, request: RequestMessage, verbose: boolean) {
  try {
    const result = await call(runtime, request);
    return { type: "reply" as const, id: request.id, result: result ?? null };
  } catch (error) {
    const report = describeError(error, { verbose });
    const remote: RemoteError = {
      name: error instanceof Error ? error.name : "Error",
      lines: report.lines,
      exitCode: report.exitCode,
    };
    return { type: "reply" as const, id: request.id, error: remote };
  }
}

function call(runtime: TaskRuntime, request: RequestMessage): Promise<unknown> {
  const params = (request.params ?? {}) as Record<string, unknown>;
  switch (request.method) {
    case "plan":
      return runtime.plan({
        prune: params.prune === true,
        destroy: params.destroy === true,
        preflight: params.preflight !== false,
      });
    case "apply":
      return runtime.apply(String(params.address), {
        deadlineMs: typeof params.deadlineMs === "number" ? params.deadlineMs : undefined,
      });
    case "abandon":
      return runtime.abandon(String(params.reason ?? "abandoned"));
    case "outputs":
      return runtime.outputs();
    case "audit":
      return runtime.audit({
        subscriptions: Array.isArray(params.subscriptions) ? params.subscriptions.map(String) : undefined,
        resourceGroup: typeof params.resourceGroup === "string" ? params.resourceGroup : undefined,
        resolved: params.resolved === true,
      });
  }
}
