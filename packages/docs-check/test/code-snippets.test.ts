import { describe, expect, it } from "vitest";
import { codeSnippets, normalisedWhitespace } from "../src/code-snippets.ts";

describe("codeSnippets", () => {
  it("reads each fenced block with its language, its from= file and its line", () => {
    const page = [
      "# Title",
      "",
      "```ts from=packages/a/src/b.ts",
      "const a = 1;",
      "```",
      "",
      "```sh",
      "pnpm test",
      "```",
    ];
    expect(codeSnippets(page.join("\n"))).toEqual([
      { language: "ts", source: "packages/a/src/b.ts", text: "const a = 1;", line: 3 },
      { language: "sh", source: undefined, text: "pnpm test", line: 7 },
    ]);
  });

  it("keeps a longer fence open across a shorter one inside it", () => {
    const page = ["````md", "```ts", "x", "```", "````"];
    expect(codeSnippets(page.join("\n"))).toEqual([
      { language: "md", source: undefined, text: "```ts\nx\n```", line: 1 },
    ]);
  });
});

describe("normalisedWhitespace", () => {
  it("makes indentation and line breaks one space", () => {
    expect(normalisedWhitespace("  a(\n    b,\n  )\n")).toBe("a( b, )");
  });
});
