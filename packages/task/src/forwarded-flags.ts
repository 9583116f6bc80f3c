import { resolve } from "node:path";
import type { CommonFlags } from "@infra/cli";

/**
 * The common flags as every task process must see them. turbo starts tasks in their package directories, so a
 * relative `--env-file` is made absolute against the directory the person ran the command in.
 */
export function forwardedFlags(flags: CommonFlags, cwd: string): string[] {
  return [
    ...(flags.env ? ["--env", flags.env] : []),
    ...(flags.envFile ? ["--env-file", resolve(cwd, flags.envFile)] : []),
    ...(flags.verbose ? ["--verbose"] : []),
  ];
}
