import { describe, expect, it } from "vitest";
import { headingAnchors, markdownLinks } from "../src/markdown-links.ts";

describe("markdownLinks", () => {
  it("finds inline links outside code", () => {
    const page = "See [a](docs/a.md) and [b](b.md#x).\n`[no](code.md)`\n```md\n[no](fenced.md)\n```\n![img](i.png)";
    expect(markdownLinks(page)).toEqual([
      { target: "docs/a.md", line: 1 },
      { target: "b.md#x", line: 1 },
      { target: "i.png", line: 6 },
    ]);
  });
});

describe("headingAnchors", () => {
  it("makes GitHub's anchors", () => {
    expect([
      ...headingAnchors("# Exit codes\n## Faults and slow operations\n## `storage.minimum-tls`\n## A\n## A"),
    ]).toEqual(["exit-codes", "faults-and-slow-operations", "storageminimum-tls", "a", "a-1"]);
  });
});
