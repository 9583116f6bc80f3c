import type { Socket } from "node:net";
import { CliError, type ExitCode } from "@infra/cli";
import type { Plan } from "@infra/plan";
import type { TaskAuditResult } from "./task-audit.ts";
import type { TaskOutput } from "./task-definition.ts";
import type { TaskApplyOptions, TaskAuditRequest, TaskPlanRequest, TaskRuntime } from "./task-runtime.ts";
import { type RemoteError, type ReplyMessage, sendMessage, type TaskMethod } from "./task-session-protocol.ts";

/** An error a task process reported, with the lines it printed for it. */
export class TaskError extends CliError {
  readonly task: string;
  readonly lines: readonly string[];

  constructor(task: string, remote: RemoteError) {
    const [first = "error: failed", ...rest] = remote.lines;
    super([`${task}: ${first.replace(/^error: /, "")}`, ...rest].join("\n"), remote.exitCode as ExitCode);
    this.name = "TaskError";
    this.task = task;
    this.lines = remote.lines;
  }
}

/** The task process is gone before it answered (it crashed, or was killed). */
export class TaskProcessLostError extends Error {
  constructor(task: string, pending: string) {
    super(`the ${task} task process ended while ${pending}; see its output above`);
    this.name = "TaskProcessLostError";
  }
}

/** A task process on the other end of the task session. */
export class RemoteTaskRuntime implements TaskRuntime {
  readonly task: string;
  readonly #socket: Socket;
  readonly #pending = new Map<number, { method: TaskMethod; settle: (reply: ReplyMessage | undefined) => void }>();
  #nextId = 1;
  #closed = false;

  constructor(task: string, socket: Socket) {
    this.task = task;
    this.#socket = socket;
    socket.on("close", () => {
      this.#closed = true;
      for (const entry of this.#pending.values()) entry.settle(undefined);
      this.#pending.clear();
    });
  }

  /** Called by the session for each reply from this process. */
  receive(reply: ReplyMessage): void {
    const entry = this.#pending.get(reply.id);
    this.#pending.delete(reply.id);
    entry?.settle(reply);
  }

  plan(request: TaskPlanRequest): Promise<Plan> {
    return this.#call("plan", request) as Promise<Plan>;
  }

  async apply(address: string, options: TaskApplyOptions = {}): Promise<void> {
    await this.#call("apply", { address, deadlineMs: options.deadlineMs });
  }

  async abandon(reason: string): Promise<void> {
    if (!this.#closed) await this.#call("abandon", { reason });
  }

  outputs(): Promise<TaskOutput[]> {
    return this.#call("outputs", {}) as Promise<TaskOutput[]>;
  }

  audit(request: TaskAuditRequest) {
    return this.#call("audit", request) as Promise<TaskAuditResult>;
  }

  #call(method: TaskMethod, params: unknown): Promise<unknown> {
    const what =
      method === "apply" ? `applying ${(params as { address: string }).address}` : `its ${method} was running`;
    if (this.#closed) return Promise.reject(new TaskProcessLostError(this.task, what));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, {
        method,
        settle: (reply) => {
          if (!reply) reject(new TaskProcessLostError(this.task, what));
          else if (reply.error) reject(new TaskError(this.task, reply.error));
          else resolve(reply.result);
        },
      });
      sendMessage(this.#socket, { type: "request", id, method, params });
    });
  }
}
