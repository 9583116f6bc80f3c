import { readFile, writeFile } from "node:fs/promises";

/**
 * Lists a task package in `@infra/tasks`: one `"@infra/<name>": "workspace:*"` line among the dependencies, which are
 * the task list. The line goes in by text, in name order, never last (the list's order means nothing: it is sorted
 * when read), so adding a task is one added line and no other line changes, not even a comma.
 */
export async function enrol(manifestPath: string, packageName: string): Promise<void> {
  const text = await readFile(manifestPath, "utf8");
  const lines = text.split("\n");
  const start = lines.indexOf('  "dependencies": {');
  const end = lines.findIndex((line, index) => index > start && line === "  },");
  if (start < 0 || end < 0 || end - start < 2) {
    throw new Error(`${manifestPath}: no "dependencies" block with a task in it to add ${packageName} to`);
  }
  const entries = lines.slice(start + 1, end);
  const nameOf = (line: string) => /^\s*"([^"]+)"/.exec(line)?.[1] ?? "";
  if (entries.some((line) => nameOf(line) === packageName)) return;
  const before = entries.findIndex((line) => nameOf(line) > packageName);
  const at = start + 1 + (before < 0 ? entries.length - 1 : before);
  lines.splice(at, 0, `    "${packageName}": "workspace:*",`);
  await writeFile(manifestPath, lines.join("\n"));
}
