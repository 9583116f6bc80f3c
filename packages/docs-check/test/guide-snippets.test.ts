import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeSnippets, normalisedWhitespace } from "../src/code-snippets.ts";
import { docsDir, repoRoot } from "../src/repo-paths.ts";

// The guide is followed to the letter: every code snippet in it is a part of a real file, so it cannot drift.
const guide = join(docsDir, "adding-a-task.md");
const CODE = new Set(["ts", "typescript", "json", "yaml"]);
const snippets = codeSnippets(readFileSync(guide, "utf8")).filter((snippet) => CODE.has(snippet.language));

describe("docs/adding-a-task.md", () => {
  it("names, for every code snippet, the file it is taken from (```ts from=PATH)", () => {
    expect(snippets.length).toBeGreaterThan(0);
    expect(snippets.filter((snippet) => snippet.source === undefined).map((snippet) => `line ${snippet.line}`)).toEqual(
      [],
    );
  });

  it.each(snippets.filter((snippet) => snippet.source !== undefined).map((snippet) => [snippet.line, snippet]))(
    "the snippet at line %i is in the file it names, word for word (whitespace aside)",
    (_line, snippet) => {
      const path = join(repoRoot, snippet.source ?? "");
      expect(existsSync(path), `${snippet.source} does not exist`).toBe(true);
      expect(normalisedWhitespace(readFileSync(path, "utf8"))).toContain(normalisedWhitespace(snippet.text));
    },
  );
});
