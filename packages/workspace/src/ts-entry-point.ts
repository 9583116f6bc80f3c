/**
 * How a TypeScript entry point runs in this repository: `node --import tsx/esm FILE`, Node 24 with tsx's ESM loader in
 * the same process (the `tsx` command would start a second Node process on every run, and cold start matters).
 */
export const TSX_ENTRY = "node --import tsx/esm";

/** Tools that take .ts files as input without running them as a program. */
const READS_TS_FILES = new Set(["vitest", "tsc", "biome"]);

/** The commands of a shell line: split at `&&`, `||`, `;` and `|`, each as its words with quotes removed. */
export function commandsOf(line: string): string[][] {
  return line
    .split(/&&|\|\||[;|]/)
    .map((command) => command.trim().split(/\s+/).filter(Boolean))
    .map((words) => words.map((word) => word.replace(/^["']|["']$/g, "")))
    .filter((words) => words.length > 0);
}

/**
 * Why a command runs a .ts entry point other than through tsx, or undefined when it does not run one or runs it as
 * `node --import tsx/esm FILE` (`pnpm exec` and `VAR=value` prefixes allowed).
 */
export function tsEntryProblem(words: readonly string[]): string | undefined {
  let rest = [...words];
  while (rest.length > 0 && /^[A-Z_][A-Z0-9_]*=/.test(rest[0] ?? "")) rest = rest.slice(1);
  if (rest[0] === "pnpm" && rest[1] === "exec") rest = rest.slice(2);
  const program = rest[0];
  const entry = rest.findIndex((word) => /\.(ts|mts|cts)$/.test(word));
  if (program === undefined || entry === -1 || READS_TS_FILES.has(program)) return undefined;
  if (program !== "node") return `${rest[entry]} runs with ${program}; run it as \`${TSX_ENTRY} ${rest[entry]}\``;
  const flags = rest.slice(1, entry);
  const tsx = flags.some(
    (flag, index) => (flag === "--import" && flags[index + 1] === "tsx/esm") || flag === "--import=tsx/esm",
  );
  return tsx ? undefined : `${rest[entry]} runs with plain node; run it as \`${TSX_ENTRY} ${rest[entry]}\``;
}
