import { readFile } from "node:fs/promises";

/** `name=value` lines and `name<<DELIMITER ... DELIMITER` blocks, as in $GITHUB_OUTPUT and $GITHUB_ENV. */
export async function readKeyValueFile(path: string): Promise<Record<string, string>> {
  const text = await readFile(path, "utf8").catch(() => "");
  const lines = text.split("\n");
  const values: Record<string, string> = {};
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc?.[1] && heredoc[2]) {
      const body: string[] = [];
      while (++index < lines.length && lines[index] !== heredoc[2]) body.push(lines[index] ?? "");
      values[heredoc[1]] = body.join("\n");
      continue;
    }
    const at = line.indexOf("=");
    if (at > 0) values[line.slice(0, at)] = line.slice(at + 1);
  }
  return values;
}
