/** One command from a fenced `sh` block: the text as typed (comment removed) and the line it is on. */
export interface ShellCommand {
  command: string;
  line: number;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/;
const SHELL_LANGUAGES = new Set(["sh", "bash", "shell", "console"]);

/**
 * Every command of every fenced sh/bash/shell block, one per line, with `# comments` and blank lines dropped and
 * backslash continuations joined. Other blocks (`text` transcripts, `ts` snippets) are not commands.
 */
export function extractShellCommands(markdown: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let fence: string | undefined;
  let inShell = false;
  let pending: ShellCommand | undefined;
  for (const [index, raw] of markdown.split("\n").entries()) {
    const match = FENCE.exec(raw);
    if (fence === undefined) {
      if (match?.[2]) {
        fence = match[2];
        inShell = SHELL_LANGUAGES.has((match[3] ?? "").toLowerCase());
      }
      continue;
    }
    if (match?.[2]?.startsWith(fence) && raw.trim() === match[2]) {
      fence = undefined;
      continue;
    }
    if (!inShell) continue;
    const text = stripComment(raw).trim();
    if (text === "" && pending === undefined) continue;
    const continued = text.endsWith("\\");
    const part = continued ? text.slice(0, -1).trim() : text;
    pending = pending
      ? { ...pending, command: `${pending.command} ${part}`.trim() }
      : { command: part, line: index + 1 };
    if (!continued) {
      commands.push(pending);
      pending = undefined;
    }
  }
  return commands;
}

/** Drops a trailing `# comment` that is outside quotes (a `#` inside a word, as in `a#b`, is kept). */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === "#" && (i === 0 || /\s/.test(line[i - 1] ?? ""))) {
      return line.slice(0, i);
    }
  }
  return line;
}
