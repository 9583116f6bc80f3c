/**
 * Process exit codes: the one table the README, `--help` and the troubleshooting page are checked against. Three names
 * share 2 because callers think of them apart; the signal codes follow the shell's 128 + signal number.
 */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  config: 2,
  credential: 2,
  needsAttention: 3,
  declined: 4,
  hangup: 129,
  interrupted: 130,
  terminated: 143,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Each code, what it means, once. */
export const EXIT_CODE_MEANINGS: readonly { readonly code: string; readonly meaning: string }[] = [
  { code: "0", meaning: "success; nothing needs attention" },
  {
    code: "1",
    meaning: "failure: Azure or runtime error (the message names the resource, ARM code, request id and next step)",
  },
  {
    code: "2",
    meaning:
      "usage, configuration or credential error, found before anything is changed (flags and files before any call)",
  },
  {
    code: "3",
    meaning:
      "ran fine, result needs attention: audit findings at/above `--fail-on`, or `plan --detailed-exitcode` with changes",
  },
  { code: "4", meaning: "declined: the confirmation was answered no; nothing was changed" },
  {
    code: "130, 143, 129",
    meaning: "interrupted by SIGINT (Ctrl-C), SIGTERM (a cancelled CI job) or SIGHUP; nothing new was started",
  },
];

/** The exit codes as a Markdown table (README, troubleshooting; a test keeps them equal to this). */
export function exitCodeTable(): string {
  const width = Math.max(...EXIT_CODE_MEANINGS.map((entry) => entry.meaning.length));
  const codeWidth = Math.max(4, ...EXIT_CODE_MEANINGS.map((entry) => entry.code.length));
  const row = (code: string, meaning: string) => `| ${code.padEnd(codeWidth)} | ${meaning.padEnd(width)} |`;
  return [
    row("code", "meaning"),
    `| ${"-".repeat(codeWidth)} | ${"-".repeat(width)} |`,
    ...EXIT_CODE_MEANINGS.map((entry) => row(entry.code, entry.meaning)),
  ].join("\n");
}

/** The one line under every `--help`. */
export const EXIT_CODES_LINE =
  "Exit codes: 0 ok, 1 failure, 2 usage/configuration/credential error, 3 needs attention, 4 declined, 130/143/129 interrupted";
