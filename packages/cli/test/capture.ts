import type { TextWriter } from "../src/text-writer.ts";

/** A TextWriter that keeps what was written, for assertions. */
export interface Capture extends TextWriter {
  readonly text: string;
}

export function capture(isTTY = false): Capture {
  let text = "";
  return {
    write(chunk: string) {
      text += chunk;
      return true;
    },
    isTTY,
    get text() {
      return text;
    },
  };
}
