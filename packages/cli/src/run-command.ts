import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { routeAzureSdkLogging } from "./azure-sdk-logging.ts";
import type { CommandContext, CommandDefinition, OptionValues } from "./command-definition.ts";
import { type CommonFlags, commonOptions, commonOptionsUsage } from "./common-flags.ts";
import { describeError } from "./describe-error.ts";
import { InterruptedError, STOP_SIGNALS, type StopSignal, UsageError } from "./errors.ts";
import { ExitCode } from "./exit-codes.ts";
import { annotateError, isGitHubActions } from "./github-actions.ts";
import { createLogger } from "./log.ts";
import { NeedsAttention } from "./needs-attention.ts";
import { createProgress } from "./progress.ts";
import { redactingWriter, type TextWriter } from "./text-writer.ts";

/** Everything `runCommand` touches outside itself; tests replace it, `main.ts` never passes it. */
export interface CommandIo {
  stdout?: TextWriter;
  stderr?: TextWriter;
  env?: NodeJS.ProcessEnv;
  /** An extra abort source (tests, an embedding script); aborting it interrupts like SIGINT. */
  signal?: AbortSignal;
  /** Listen for SIGINT, SIGTERM and SIGHUP (default true). */
  handleSigint?: boolean;
}

const environmentName = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Parses argv, runs the command, prints errors (what failed, the ARM code and request id, the next step) and sets
 * `process.exitCode` (never calls `process.exit`, so stdout flushes). Resolves to the exit code as well.
 */
export async function runCommand<O extends ParseArgsOptionsConfig>(
  definition: CommandDefinition<O>,
  argv: readonly string[] = process.argv.slice(2),
  io: CommandIo = {},
): Promise<ExitCode> {
  const stdout = redactingWriter(io.stdout ?? process.stdout);
  const stderr = redactingWriter(io.stderr ?? process.stderr);
  const env = io.env ?? process.env;
  const controller = new AbortController();
  const onExternalAbort = (): void => controller.abort(io.signal?.reason);
  io.signal?.addEventListener("abort", onExternalAbort, { once: true });
  if (io.signal?.aborted) controller.abort(io.signal.reason);

  // SIGINT (Ctrl-C), SIGTERM (a CI runner cancelling the job) and SIGHUP (a closed terminal) stop the run the same way:
  // the first stops new work and lets what is in flight end; a second one ends the process at once.
  let stopSignal: StopSignal | undefined;
  let stoppedAt = 0;
  const onSignal = (signal: StopSignal): void => {
    // A signal sent to the whole process group reaches this process twice (directly, and forwarded by pnpm): one stop.
    if (stopSignal !== undefined && performance.now() - stoppedAt < 2000) return;
    if (stopSignal === undefined) {
      stopSignal = signal;
      stoppedAt = performance.now();
      stderr.write(`${signal}: stopping after in-flight work; send it again to stop now\n`);
      controller.abort(new InterruptedError(`stopped by ${signal}`, { signal }));
      return;
    }
    // Second signal: give it back to Node's default handler, which ends the process with 128 + its number.
    for (const name of Object.keys(handlers) as StopSignal[]) process.off(name, handlers[name]);
    process.kill(process.pid, signal);
  };
  const handlers = {
    SIGINT: () => onSignal("SIGINT"),
    SIGTERM: () => onSignal("SIGTERM"),
    SIGHUP: () => onSignal("SIGHUP"),
  } satisfies Record<StopSignal, () => void>;
  if (io.handleSigint !== false)
    for (const name of Object.keys(handlers) as StopSignal[]) process.on(name, handlers[name]);

  let verbose = argv.includes("--verbose") || argv.includes("-v");
  const restoreSdkLogging = routeAzureSdkLogging(stderr, verbose);
  const progress = createProgress({ write: stderr, live: stderr.isTTY === true && env.CI !== "true" });
  let code: ExitCode;
  try {
    const parsed = parseCommandLine(definition, argv);
    verbose = parsed.flags.verbose;
    if (parsed.flags.help) {
      stdout.write(`${usageText(definition)}\n`);
      code = ExitCode.ok;
    } else {
      const context: CommandContext<O> = {
        name: definition.name,
        flags: parsed.flags,
        values: parsed.values,
        positionals: parsed.positionals,
        log: createLogger({ write: stderr, verbose }),
        progress,
        stdout,
        stderr,
        signal: controller.signal,
        env,
        printResult(value, toText) {
          if (parsed.flags.json) stdout.write(`${JSON.stringify(value, null, 2)}\n`);
          else
            stdout.write(
              `${toText ? toText(value) : typeof value === "string" ? value : JSON.stringify(value, null, 2)}\n`,
            );
        },
      };
      const outcome = await definition.run(context);
      progress.stop();
      if (controller.signal.aborted) {
        stderr.write("interrupted: stopped cleanly\n");
        code = stopSignal ? STOP_SIGNALS[stopSignal] : ExitCode.interrupted;
      } else if (outcome instanceof NeedsAttention) {
        stderr.write(`needs attention: ${outcome.reason}\n`);
        code = ExitCode.needsAttention;
      } else {
        code = ExitCode.ok;
      }
    }
  } catch (error) {
    progress.stop();
    const report = describeError(error, {
      verbose,
      interrupted: controller.signal.aborted,
      ...(stopSignal ? { interruptedCode: STOP_SIGNALS[stopSignal] } : {}),
    });
    stderr.write(`${report.lines.join("\n")}\n`);
    if (report.showUsage) stderr.write(`\n${usageText(definition)}\n`);
    if (report.exitCode === ExitCode.failure && isGitHubActions(env)) {
      annotateError(report.lines[0] ?? "failed", { title: `${definition.name} failed` }, { env, write: stderr });
    }
    code = report.exitCode;
  } finally {
    restoreSdkLogging();
    for (const name of Object.keys(handlers) as StopSignal[]) process.off(name, handlers[name]);
    io.signal?.removeEventListener("abort", onExternalAbort);
  }
  process.exitCode = code;
  return code;
}

export function usageText<O extends ParseArgsOptionsConfig>(definition: CommandDefinition<O>): string {
  const args = definition.allowPositionals ? " [arguments]" : "";
  const ownText = definition.usage?.trimEnd() ?? listOwnOptions(definition.options ?? {});
  const own = ownText ? `\nOptions:\n${ownText}\n` : "";
  return `${definition.name} - ${definition.summary}\n\nUsage: ${definition.name} [options]${args}\n${own}\n${commonOptionsUsage}`;
}

// Without a usage text, at least name the command's flags so `--help` never hides one.
function listOwnOptions(options: ParseArgsOptionsConfig): string {
  return Object.entries(options)
    .map(([name, option]) => `  --${name}${option.type === "string" ? " VALUE" : ""}`)
    .join("\n");
}

interface ParsedCommandLine<O extends ParseArgsOptionsConfig> {
  flags: CommonFlags;
  values: OptionValues<O>;
  positionals: string[];
}

function parseCommandLine<O extends ParseArgsOptionsConfig>(
  definition: CommandDefinition<O>,
  argv: readonly string[],
): ParsedCommandLine<O> {
  const own: ParseArgsOptionsConfig = definition.options ?? {};
  for (const name of Object.keys(own)) {
    // A definition bug, not a usage error: fail loudly (exit 1) so it is fixed before anyone relies on it.
    if (name in commonOptions) throw new TypeError(`command '${definition.name}' redefines common flag --${name}`);
  }
  // pnpm 12 forwards the `--` of `pnpm run x -- --env dev` literally.
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  let parsed: ReturnType<typeof parseArgs<{ options: ParseArgsOptionsConfig; allowPositionals: boolean }>>;
  try {
    parsed = parseArgs({
      args,
      options: { ...commonOptions, ...own },
      allowPositionals: definition.allowPositionals === true,
      strict: true,
    });
  } catch (error) {
    if (isParseArgsError(error)) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  const { env, "env-file": envFile, yes, json, verbose, help, auth, ...values } = parsed.values;
  const flags: CommonFlags = {
    env: typeof env === "string" ? env : undefined,
    envFile: typeof envFile === "string" ? envFile : undefined,
    yes: yes === true,
    json: json === true,
    verbose: verbose === true,
    help: help === true,
    auth: typeof auth === "string" ? auth : undefined,
  };
  if (!flags.help) {
    if (flags.env !== undefined && flags.envFile !== undefined) {
      throw new UsageError("use either --env or --env-file, not both");
    }
    if (flags.env !== undefined && !environmentName.test(flags.env)) {
      throw new UsageError(`--env '${flags.env}' is not an environment name (letters, digits, '-' and '_')`);
    }
    if (flags.envFile === "") throw new UsageError("--env-file needs a path");
  }
  // parseArgs validated every value against `own`, so the cast only narrows what it already checked.
  return { flags, values: values as OptionValues<O>, positionals: parsed.positionals };
}

function isParseArgsError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error) || !("code" in error)) return false;
  const code: unknown = error.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
