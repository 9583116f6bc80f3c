export { parseArmResourcePath } from "./arm-resource-path.ts";
export type { AnyCommand, CommandContext, CommandDefinition, CommandOutcome } from "./command-definition.ts";
export { anyCommand, defineCommand } from "./command-definition.ts";
export type { CommonFlags } from "./common-flags.ts";
export { describeError } from "./describe-error.ts";
export { parseDuration } from "./duration.ts";
export { CliError, ConfigError, type ConfigProblem, DeclinedError, InterruptedError, UsageError } from "./errors.ts";
export { EXIT_CODES_LINE, ExitCode, exitCodeTable } from "./exit-codes.ts";
export {
  addMask,
  annotateError,
  annotateNotice,
  annotateWarning,
  appendStepSummary,
  isGitHubActions,
  setOutput,
} from "./github-actions.ts";
export type { Logger } from "./log.ts";
export { createLogger } from "./log.ts";
export { NeedsAttention, needsAttention } from "./needs-attention.ts";
export type { Progress } from "./progress.ts";
export { formatDuration } from "./progress.ts";
export { REDACTED, redact, registerSecret } from "./redact.ts";
export { runCommand } from "./run-command.ts";
export type { TextWriter } from "./text-writer.ts";
export { redactingWriter } from "./text-writer.ts";
