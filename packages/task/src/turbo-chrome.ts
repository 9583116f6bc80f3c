/**
 * turbo's own lines around the tasks' output — the scope header, "cache bypass" notes, the echoed command, the
 * Tasks/Cached/Time summary, pnpm's ELIFECYCLE line — say nothing to a person running `pnpm run plan`. They are kept
 * with --verbose. Task output (progress, warnings, errors) always passes.
 */
const chrome = [
  /^\s*• /,
  /^\s*(Tasks|Cached|Time|Failed):\s/,
  /: cache (bypass|miss), /,
  /^\S+:\S+: \$ node /,
  /^\S+:\S+: \[ELIFECYCLE\] /,
  /^\s*$/,
];

export function isTurboChrome(line: string): boolean {
  return chrome.some((pattern) => pattern.test(line));
}

/** turbo's line for a task whose command failed: `@infra/storage#audit:  ERROR  command (...) exited (1)`. */
const failedCommand = /^(\S+)#\S+:\s+ERROR\s+command\b.*\bexited \(\d+\)/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequences turbo colours its lines with
const colour = /\u001b\[[0-9;]*m/g;

/** The package whose task command turbo reports as failed on this line, if it is such a line. */
export function failedTaskPackage(line: string): string | undefined {
  return failedCommand.exec(line.replace(colour, ""))?.[1];
}
