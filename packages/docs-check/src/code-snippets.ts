/** A fenced code block of a Markdown page: its language, the file it is taken from (if it says), its text and line. */
export interface CodeSnippet {
  readonly language: string;
  /** `from=PATH` in the fence's info string (```ts from=packages/x/src/y.ts): the repository file it is a part of. */
  readonly source: string | undefined;
  readonly text: string;
  /** The line of the opening fence, 1-based. */
  readonly line: number;
}

const OPENING = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)(.*)$/;

/** Every fenced block of `markdown`, with the file each names in `from=` (the others are transcripts and commands). */
export function codeSnippets(markdown: string): CodeSnippet[] {
  const snippets: CodeSnippet[] = [];
  let open: { fence: string; language: string; source: string | undefined; line: number; body: string[] } | undefined;
  for (const [index, raw] of markdown.split("\n").entries()) {
    if (open === undefined) {
      const match = OPENING.exec(raw);
      if (match?.[2]) {
        const source = /(?:^|\s)from=(\S+)/.exec(match[4] ?? "")?.[1];
        open = { fence: match[2], language: (match[3] ?? "").toLowerCase(), source, line: index + 1, body: [] };
      }
      continue;
    }
    if (raw.trim() === open.fence || (raw.trim().startsWith(open.fence) && /^[`~]+$/.test(raw.trim()))) {
      snippets.push({ language: open.language, source: open.source, text: open.body.join("\n"), line: open.line });
      open = undefined;
      continue;
    }
    open.body.push(raw);
  }
  return snippets;
}

/** Text with every run of whitespace made one space: a snippet may be indented or wrapped differently from its file. */
export function normalisedWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
