/** Process exit codes, exactly as the README's table. Two names share 2 because callers think of them apart. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  config: 2,
  needsAttention: 3,
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
