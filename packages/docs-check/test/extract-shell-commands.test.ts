import { describe, expect, it } from "vitest";
import { extractShellCommands } from "../src/extract-shell-commands.ts";

describe("extractShellCommands", () => {
  it.each([
    ["one command", "```sh\npnpm test\n```", ["pnpm test"]],
    ["comments and blank lines", "```sh\n# set-up\n\npnpm install   # once\n```", ["pnpm install"]],
    ["a # inside a word or quotes", "```bash\necho a#b '#x'\n```", ["echo a#b '#x'"]],
    ["continuations", "```sh\npnpm run audit -- \\\n  --env local\n```", ["pnpm run audit -- --env local"]],
    ["not other languages", "```text\n$ pnpm run demo\n```\n```ts\nconst a = 1;\n```", []],
    ["longer fences hold shorter ones", "````sh\nls\n```\nnot a fence end\n````", ["ls", "```", "not a fence end"]],
  ])("%s", (_name, markdown, expected) => {
    expect(extractShellCommands(markdown).map((entry) => entry.command)).toEqual(expected);
  });

  it("reports the line each command is on", () => {
    expect(extractShellCommands("# t\n\n```sh\na\n\nb\n```\n")).toEqual([
      { command: "a", line: 4 },
      { command: "b", line: 6 },
    ]);
  });
});
