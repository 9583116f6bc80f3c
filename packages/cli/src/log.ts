import { format } from "node:util";
import type { TextWriter } from "./text-writer.ts";

export type LogLevel = "error" | "warn" | "info" | "debug";

/**
 * Logs and progress for people, on stderr. Lines read `info  auth => getToken => token acquired`: level, then the
 * scope chain, so `grep 'auth =>'` finds one component's story. `debug` lines appear only with `--verbose`.
 */
export interface Logger {
  error(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  /** A logger whose lines carry one more scope: `log.scope("auth").scope("getToken")`. */
  scope(name: string): Logger;
  readonly verbose: boolean;
}

export interface LoggerOptions {
  /** Should already redact; `runCommand` passes its redacting stderr. */
  write: TextWriter;
  verbose?: boolean;
  scopes?: readonly string[];
}

export function createLogger(options: LoggerOptions): Logger {
  const scopes = options.scopes ?? [];
  const verbose = options.verbose === true;
  const line = (level: LogLevel, message: string, args: unknown[]): void => {
    if (level === "debug" && !verbose) return;
    const text = format(message, ...args);
    const prefix = scopes.length > 0 ? `${scopes.join(" => ")} => ` : "";
    options.write.write(`${level.padEnd(5)} ${prefix}${text}\n`);
  };
  return {
    error: (message, ...args) => line("error", message, args),
    warn: (message, ...args) => line("warn", message, args),
    info: (message, ...args) => line("info", message, args),
    debug: (message, ...args) => line("debug", message, args),
    scope: (name) => createLogger({ ...options, scopes: [...scopes, name] }),
    verbose,
  };
}
