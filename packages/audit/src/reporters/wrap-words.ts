/** Greedy word wrap; a word longer than the line (an ARM id, a URL) is cut rather than overflowing. */
export function wrapWords(text: string, width: number): string[] {
  const size = Math.max(1, width);
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(/\s+/).filter((part) => part.length > 0)) {
    while (word.length > size) {
      if (line) lines.push(line);
      lines.push(word.slice(0, size));
      word = word.slice(size);
      line = "";
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= size) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
