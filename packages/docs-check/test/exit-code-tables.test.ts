import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { EXIT_CODES_LINE, exitCodeTable } from "@infra/cli";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/repo-paths.ts";

// One table of exit codes (@infra/cli exit-codes.ts): the pages that show it must show exactly it.
describe("the exit code table", () => {
  it.each(["README.md", "docs/troubleshooting.md"])("%s shows the table the commands use", async (page) => {
    const text = await readFile(join(repoRoot, page), "utf8");
    expect(text).toContain(exitCodeTable());
  });

  it("--help names every code of the table", () => {
    for (const code of ["0", "1", "2", "3", "4", "130", "143", "129"]) expect(EXIT_CODES_LINE).toContain(code);
  });
});
