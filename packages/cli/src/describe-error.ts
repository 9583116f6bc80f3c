import type { RestError } from "@azure/core-rest-pipeline";
import { AzureRequestError } from "./azure-request-error.ts";
import { CliError, ConfigError, UsageError } from "./errors.ts";
import { ExitCode } from "./exit-codes.ts";

/** What to print for an error that ended a command, and which exit code it means. Pure: no I/O. */
export interface ErrorReport {
  exitCode: ExitCode;
  /** Lines for stderr, without newlines. The first is the one-line summary. */
  lines: string[];
  showUsage: boolean;
}

export function describeError(
  error: unknown,
  options: { verbose?: boolean; interrupted?: boolean; interruptedCode?: ExitCode } = {},
): ErrorReport {
  const verbose = options.verbose === true;
  if (options.interrupted || isAbort(error)) {
    const message = error instanceof Error && error.message ? error.message : "interrupted";
    const exitCode =
      error instanceof CliError && error.name === "InterruptedError"
        ? error.exitCode
        : (options.interruptedCode ?? ExitCode.interrupted);
    return { exitCode, lines: [`interrupted: ${message}`], showUsage: false };
  }
  const normalized = isRestError(error) ? AzureRequestError.fromRestError(error) : error;

  if (normalized instanceof CliError) {
    const lines = [`error: ${normalized.message}`];
    if (normalized instanceof ConfigError) {
      for (const problem of normalized.problems) lines.push(`  ${problem.path}: ${problem.message}`);
    }
    if (verbose) lines.push(...stackLines(normalized));
    return { exitCode: normalized.exitCode, lines, showUsage: normalized instanceof UsageError };
  }
  if (normalized instanceof Error) {
    const lines = [`error: ${normalized.name === "Error" ? "" : `${normalized.name}: `}${normalized.message}`];
    // A RestError wrapped by a library (LiveReadError, ...) still carries the ARM code, request id and next step.
    const azure = azureCause(normalized);
    if (azure) lines.push(`  caused by: ${azure.message}`);
    lines.push(verbose ? stackLines(normalized).join("\n") : "  (run with --verbose for the stack)");
    return { exitCode: ExitCode.failure, lines, showUsage: false };
  }
  return { exitCode: ExitCode.failure, lines: [`error: ${String(error)}`], showUsage: false };
}

function azureCause(error: Error): AzureRequestError | undefined {
  let current: unknown = error.cause;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof AzureRequestError) return current;
    if (isRestError(current)) return AzureRequestError.fromRestError(current);
    current = current.cause;
  }
  return undefined;
}

/**
 * The test @azure/core-rest-pipeline's `isRestError` makes for an error from another copy of the pipeline (the name),
 * without importing the pipeline: that alone loads about 200 modules, and every root command would pay for them at
 * start although only the task processes talk to Azure.
 */
function isRestError(error: unknown): error is RestError {
  return error instanceof Error && error.name === "RestError";
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "InterruptedError");
}

// The stack, then each cause's, so a wrapped RestError still shows where it came from.
function stackLines(error: Error): string[] {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    lines.push(`${depth === 0 ? "" : "caused by: "}${current.stack ?? `${current.name}: ${current.message}`}`);
    current = current.cause;
  }
  return lines;
}
