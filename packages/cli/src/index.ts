export type { ArmErrorFacts } from "./arm-error-hints.ts";
export { hintForArmError } from "./arm-error-hints.ts";
export type { ArmResourcePath } from "./arm-resource-path.ts";
export { describeArmResource, parseArmResourcePath } from "./arm-resource-path.ts";
export type { AzureRequestErrorOptions } from "./azure-request-error.ts";
export { AzureRequestError } from "./azure-request-error.ts";
export { routeAzureSdkLogging } from "./azure-sdk-logging.ts";
export type { CommandContext, CommandDefinition, CommandOutcome, OptionValues } from "./command-definition.ts";
export { defineCommand } from "./command-definition.ts";
export type { CommonFlags } from "./common-flags.ts";
export type { ErrorReport } from "./describe-error.ts";
export { describeError } from "./describe-error.ts";
export { parseDuration } from "./duration.ts";
export {
  CliError,
  ConfigError,
  type ConfigProblem,
  DeclinedError,
  InterruptedError,
  STOP_SIGNALS,
  type StopSignal,
  UsageError,
} from "./errors.ts";
export { EXIT_CODE_MEANINGS, EXIT_CODES_LINE, ExitCode, exitCodeTable } from "./exit-codes.ts";
export type { AnnotationProperties, GitHubActionsTarget } from "./github-actions.ts";
export {
  addMask,
  annotateError,
  annotateNotice,
  annotateWarning,
  appendStepSummary,
  escapeData,
  escapeProperty,
  formatWorkflowCommand,
  GitHubActionsError,
  isGitHubActions,
  setOutput,
} from "./github-actions.ts";
export type { Logger, LoggerOptions, LogLevel } from "./log.ts";
export { createLogger } from "./log.ts";
export { NeedsAttention, needsAttention } from "./needs-attention.ts";
export type { Progress, ProgressOptions } from "./progress.ts";
export { createProgress, formatDuration } from "./progress.ts";
export { defaultRedactor, REDACTED, Redactor, redact, registerSecret } from "./redact.ts";
export type { CommandIo } from "./run-command.ts";
export { runCommand, usageText } from "./run-command.ts";
export type { TextWriter } from "./text-writer.ts";
export { redactingWriter } from "./text-writer.ts";
