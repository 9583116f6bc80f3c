// README's "Where things live" table names every package, and nothing that is not one.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./repo-root.ts";

describe("README.md package table", () => {
  it("lists every directory under packages/", async () => {
    const readme = await readFile(join(repoRoot, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Where things live"), readme.indexOf("## Documentation"));
    const listed = [...section.matchAll(/^\| `packages\/([^`]+)`/gm)].map((match) => match[1]).sort();
    const entries = await readdir(join(repoRoot, "packages"), { withFileTypes: true });
    const packages = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(listed).toEqual(packages.sort());
  });
});
