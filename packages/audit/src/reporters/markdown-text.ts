/**
 * Plain text made safe for Markdown prose: `<group>` in `az ... -g <group>` would be read as an HTML tag and vanish.
 * An `&` that already starts an entity is left alone, so text escaped once (`&lt;group&gt;`) is not escaped twice.
 */
export function markdownText(text: string): string {
  return text
    .replace(/&(?!#?[a-z0-9]+;)/gi, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** One table cell: a pipe would end the cell and a newline the row. */
export function markdownCell(text: string): string {
  return markdownText(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** Inline code inside a table cell: backticks cannot be escaped in a code span, pipes must be. */
export function markdownCode(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, "\\|")}\``;
}
