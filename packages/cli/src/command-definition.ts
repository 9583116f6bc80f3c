import type { ParseArgsOptionDescriptor, ParseArgsOptionsConfig } from "node:util";
import type { CommonFlags } from "./common-flags.ts";
import type { Logger } from "./log.ts";
import type { NeedsAttention } from "./needs-attention.ts";
import type { Progress } from "./progress.ts";
import type { TextWriter } from "./text-writer.ts";

type OptionValue<D extends ParseArgsOptionDescriptor> = D["type"] extends "boolean"
  ? D["multiple"] extends true
    ? boolean[]
    : boolean
  : D["multiple"] extends true
    ? string[]
    : string;

/** A command's own parsed flags; absent when not given and no default is set. */
export type OptionValues<O extends ParseArgsOptionsConfig> = { [K in keyof O]?: OptionValue<O[K]> };

/** What `run` receives. */
export interface CommandContext<O extends ParseArgsOptionsConfig> {
  name: string;
  flags: CommonFlags;
  values: OptionValues<O>;
  positionals: string[];
  log: Logger;
  progress: Progress;
  /** Results only. Redacted. */
  stdout: TextWriter;
  /** Logs and progress. Redacted. */
  stderr: TextWriter;
  /** Aborted on SIGINT: pass it to every SDK call (`abortSignal`) and stop starting new work. */
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
  /** Prints the command's result: JSON under `--json` (one document: call once), else `toText(value)`. */
  printResult<T>(value: T, toText?: (value: T) => string): void;
}

/** Nothing (success, exit 0) or `needsAttention(reason)` (exit 3). Failures are thrown. */
// biome-ignore lint/suspicious/noConfusingVoidType: lets `async run() {}` type-check without a `return`.
export type CommandOutcome = NeedsAttention | void;

export interface CommandDefinition<O extends ParseArgsOptionsConfig = Record<never, never>> {
  name: string;
  /** One line: what the command does. */
  summary: string;
  /** The command's own flags and arguments, as printed under `--help` above the common options. */
  usage?: string;
  /** The command's own flags, in `node:util` parseArgs form. Must not reuse a common flag's name. */
  options?: O;
  /** Accept positional arguments (default: none; a stray word is a usage error). */
  allowPositionals?: boolean;
  run(context: CommandContext<O>): Promise<CommandOutcome> | CommandOutcome;
}

/** Identity function that lets TypeScript infer `values`' types from `options`, as citty's defineCommand. */
export function defineCommand<O extends ParseArgsOptionsConfig = Record<never, never>>(
  definition: CommandDefinition<O>,
): CommandDefinition<O> {
  return definition;
}

/** A command whatever its own options: what a caller holds when it picks one of several commands and only runs it. */
export type AnyCommand = CommandDefinition<ParseArgsOptionsConfig>;

/** `command` as an `AnyCommand`. Safe because such a caller passes argv and never reads the parsed values itself. */
export function anyCommand<O extends ParseArgsOptionsConfig>(command: CommandDefinition<O>): AnyCommand {
  return command as unknown as AnyCommand;
}
