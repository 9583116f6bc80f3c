import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import type { TextWriter } from "./text-writer.ts";

/**
 * Where the helpers read GITHUB_* from and write workflow commands to. Workflow commands go to stderr by default:
 * the runner reads both streams, and stdout must stay one JSON document under `--json`.
 */
export interface GitHubActionsTarget {
  env?: NodeJS.ProcessEnv;
  write?: TextWriter;
}

export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

export class GitHubActionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GitHubActionsError";
  }
}

export function isGitHubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === "true";
}

/** Appends Markdown to the job summary page. */
export function appendStepSummary(markdown: string, target: GitHubActionsTarget = {}): void {
  const file = actionsFile("GITHUB_STEP_SUMMARY", target);
  if (file) appendFileSync(file, markdown.endsWith("\n") ? markdown : `${markdown}\n`);
}

/** Sets a step output readable as `steps.<id>.outputs.<name>`; multi-line values use a random heredoc delimiter. */
export function setOutput(name: string, value: string, target: GitHubActionsTarget = {}): void {
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw new GitHubActionsError(`invalid output name '${name}'`);
  const file = actionsFile("GITHUB_OUTPUT", target);
  if (!file) return;
  if (!/[\r\n]/.test(value)) {
    appendFileSync(file, `${name}=${value}\n`);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

export function annotateError(
  message: string,
  properties: AnnotationProperties = {},
  target?: GitHubActionsTarget,
): void {
  issueCommand("error", properties, message, target);
}

export function annotateWarning(
  message: string,
  properties: AnnotationProperties = {},
  target?: GitHubActionsTarget,
): void {
  issueCommand("warning", properties, message, target);
}

export function annotateNotice(
  message: string,
  properties: AnnotationProperties = {},
  target?: GitHubActionsTarget,
): void {
  issueCommand("notice", properties, message, target);
}

/**
 * Tells the runner to mask `value` in all later log output. Written raw, not through a redacting writer: the runner
 * must see the value to mask it, and it never shows the command itself.
 */
export function addMask(value: string, target: GitHubActionsTarget = {}): void {
  if (!value || !isGitHubActions(target.env)) return;
  for (const line of value.split(/\r?\n/)) {
    if (line) writeTo(target, `::add-mask::${escapeData(line)}\n`);
  }
}

/** `::name key=value,...::message`, escaped as the runner requires (actions/toolkit's command.ts). */
export function formatWorkflowCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== "")
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${command}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function issueCommand(
  command: string,
  properties: AnnotationProperties,
  message: string,
  target: GitHubActionsTarget = {},
): void {
  if (!isGitHubActions(target.env)) return;
  writeTo(target, `${formatWorkflowCommand(command, { ...properties }, message)}\n`);
}

function actionsFile(
  variable: "GITHUB_OUTPUT" | "GITHUB_STEP_SUMMARY",
  target: GitHubActionsTarget,
): string | undefined {
  const env = target.env ?? process.env;
  if (!isGitHubActions(env)) return undefined;
  const file = env[variable];
  // Inside Actions the runner always sets these; missing means a broken runner, which must not pass silently.
  if (!file) throw new GitHubActionsError(`${variable} is not set although GITHUB_ACTIONS is true`);
  return file;
}

function writeTo(target: GitHubActionsTarget, text: string): void {
  (target.write ?? process.stderr).write(text);
}
