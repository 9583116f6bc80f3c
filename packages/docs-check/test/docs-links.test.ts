import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { headingAnchors, markdownLinks } from "../src/markdown-links.ts";
import { docsDir, readmePath, repoRoot } from "../src/repo-paths.ts";

const pages = [
  readmePath,
  ...readdirSync(docsDir)
    .filter((name) => name.endsWith(".md"))
    .map((name) => join(docsDir, name)),
];

describe("links in README.md and docs/", () => {
  it.each(pages.map((page) => [relative(repoRoot, page), page]))(
    "%s links only to files and headings that exist",
    (_name, page) => {
      const broken: string[] = [];
      for (const { target, line } of markdownLinks(readFileSync(page, "utf8"))) {
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto: - not checked offline
        const [path = "", anchor] = target.split("#");
        const file = path === "" ? page : resolve(dirname(page), path);
        if (!existsSync(file)) broken.push(`line ${line}: ${target} (no such file)`);
        else if (anchor && file.endsWith(".md") && !headingAnchors(readFileSync(file, "utf8")).has(anchor)) {
          broken.push(`line ${line}: ${target} (no heading #${anchor})`);
        }
      }
      expect(broken).toEqual([]);
    },
  );
});
