import { type ParseArgsOptionsConfig, parseArgs } from "node:util";

const helpOption = { help: { type: "boolean", short: "h" } } as const;

/**
 * The command line of a script here that is not an @infra/cli command (demo, bench, new-task), parsed as those
 * commands parse theirs: pnpm 12's literal `--` dropped, `--help` printing `usage` on stdout and exiting 0, an
 * unknown flag a usage error (exit 2). The usage says what the script does, its flags, and an example.
 */
export function parseScriptArgs<O extends ParseArgsOptionsConfig>(
  usage: string,
  options: O,
  { allowPositionals = false }: { allowPositionals?: boolean } = {},
) {
  const argv = process.argv.slice(2);
  let parsed: ReturnType<typeof parseArgs<{ options: O & typeof helpOption; allowPositionals: boolean; strict: true }>>;
  try {
    parsed = parseArgs({
      args: argv[0] === "--" ? argv.slice(1) : argv,
      options: { ...options, ...helpOption },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    process.exit(2);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return parsed;
}
