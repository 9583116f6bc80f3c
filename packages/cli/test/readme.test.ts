import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

describe("README", () => {
  it("shows the usage example that tsc checks in test/fixtures/readme-example.ts", () => {
    const example = /\/\/ #region readme\n([\s\S]*?)\/\/ #endregion/.exec(read("./fixtures/readme-example.ts"))?.[1];
    expect(example).toBeTruthy();
    expect(read("../README.md")).toContain(`\`\`\`ts\n${example}\`\`\``);
  });

  it("documents every exit code", () => {
    const readme = read("../README.md");
    for (const code of [0, 1, 2, 3, 130]) expect(readme).toMatch(new RegExp(`^\\| ${code} +\\|`, "m"));
  });
});
