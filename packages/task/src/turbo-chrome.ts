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
