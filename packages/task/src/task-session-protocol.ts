import type { Socket } from "node:net";
import { createInterface } from "node:readline";
import type { HandedToken } from "@infra/auth";

/**
 * The task session: how a root command drives the task processes turbo starts. The root listens on loopback and
 * hands each process the address and a one-time token in the environment; each process connects, says which task it
 * is, is handed the root's Azure token (so it does not sign in again), then answers requests (plan, apply one change,
 * outputs, audit) until the root says bye. Messages are JSON lines.
 * A process whose connection drops stops at once: nothing writes without the root command alive to decide.
 */
export const TASK_SESSION_VARIABLE = "INFRA_TASK_SESSION";
export const TASK_SESSION_TOKEN_VARIABLE = "INFRA_TASK_SESSION_TOKEN";
/** For a process that hosts several tasks (the audit): the task packages it joins for, comma-separated. */
export const TASK_SESSION_PACKAGES_VARIABLE = "INFRA_TASK_SESSION_PACKAGES";

export type TaskMethod = "plan" | "apply" | "abandon" | "outputs" | "audit";

export interface HelloMessage {
  readonly type: "hello";
  readonly token: string;
  readonly task: string;
  /** The workspace package, so the root can say which process never joined. */
  readonly package: string;
  readonly pid: number;
}

export interface RequestMessage {
  readonly type: "request";
  readonly id: number;
  readonly method: TaskMethod;
  readonly params: unknown;
}

/** An error as the task process described it (`describeError`): already redacted, ready to print. */
export interface RemoteError {
  readonly name: string;
  readonly lines: readonly string[];
  readonly exitCode: number;
}

export interface ReplyMessage {
  readonly type: "reply";
  readonly id: number;
  readonly result?: unknown;
  readonly error?: RemoteError;
}

/** Sent once to each process, before any request: the token the root signed in for. */
export interface CredentialMessage {
  readonly type: "credential";
  readonly handed: HandedToken;
}

export interface ByeMessage {
  readonly type: "bye";
}

export type SessionMessage = HelloMessage | CredentialMessage | RequestMessage | ReplyMessage | ByeMessage;

/**
 * Sends one message, unless this side has already ended the connection: a task's reply that completes after the root
 * said bye (it stopped the run on another task's error) has no one left to read it.
 */
export function sendMessage(socket: Socket, message: SessionMessage): void {
  if (!socket.destroyed && socket.writable) socket.write(`${JSON.stringify(message)}\n`);
}

/** Calls `handle` for each message; a line that is not a session message ends the connection (never guessed at). */
export function onMessages(socket: Socket, handle: (message: SessionMessage) => void): void {
  const lines = createInterface({ input: socket, crlfDelay: Number.POSITIVE_INFINITY });
  // readline re-emits the socket's errors; the socket's own "error" and "close" handlers decide what they mean.
  lines.on("error", () => undefined);
  lines.on("line", (line) => {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      socket.destroy(new Error("task session: a message that is not JSON"));
      return;
    }
    if (typeof message !== "object" || message === null || typeof (message as { type?: unknown }).type !== "string") {
      socket.destroy(new Error("task session: a message without a type"));
      return;
    }
    handle(message as SessionMessage);
  });
}
