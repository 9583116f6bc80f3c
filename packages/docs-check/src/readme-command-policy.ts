/** How the README test treats one command: run it against the emulator and expect an exit code, or skip it, saying why. */
export type ReadmeCommandPolicy =
  | {
      kind: "run";
      expect: number;
      /** Run on a terminal (`script`) and type this when the command asks for confirmation. */
      answer?: { prompt: string; typed: string };
      /** Text the output must contain, so an exit code alone cannot pass a command that did nothing. */
      shows: readonly string[];
    }
  | { kind: "skip"; reason: string };

/**
 * Every fenced sh command in README.md, exactly as written there. A README command missing from this table fails the
 * test, and so does an entry the README no longer has: a new command must be given a way to be checked.
 */
export const README_COMMANDS: Record<string, ReadmeCommandPolicy> = {
  "pnpm install --frozen-lockfile": {
    kind: "skip",
    reason:
      "it ran before this test could (the test needs the install); again inside `pnpm test` it would rewrite node_modules under the running tests",
  },
  "pnpm run demo": {
    kind: "run",
    expect: 0,
    shows: ["storage.minimum-tls", "rg-legacy/legacydata001", "Plan: 24 to create", "Apply complete", "No changes."],
  },
  "pnpm test": { kind: "skip", reason: "this test is part of `pnpm test`; running it here would recurse" },
  "az login": {
    kind: "skip",
    reason:
      "signs a person in to real Microsoft Entra ID in a browser; against the emulator the AZURE_* variables replace it",
  },
  "pnpm run whoami": { kind: "run", expect: 0, shows: ["ServicePrincipal", "roles"] },
  "pnpm run plan -- --env dev": { kind: "run", expect: 0, shows: ["Plan for environment dev", "to create"] },
  "pnpm run provision -- --env dev": {
    kind: "run",
    expect: 0,
    answer: { prompt: 'Only "yes" is accepted', typed: "yes" },
    shows: ["Apply complete"],
  },
  "pnpm run audit -- --env dev": {
    // The emulator's subscription also holds the brownfield rg-legacy account, so findings remain: exit 3.
    kind: "run",
    expect: 3,
    shows: ["rg-legacy/legacydata001", "needs attention"],
  },
};
