import { defaultRedactor, type Redactor } from "./redact.ts";

/** Where text goes: `process.stdout`, `process.stderr`, or a test's capture. */
export interface TextWriter {
  write(text: string): unknown;
  /** Set on a terminal; decides whether a live progress line may be drawn. */
  isTTY?: boolean;
}

/** A writer that redacts every chunk before passing it on; secrets never reach the terminal or a log file. */
export function redactingWriter(target: TextWriter, redactor: Redactor = defaultRedactor): TextWriter {
  return {
    write: (text: string) => target.write(redactor.redact(text)),
    isTTY: target.isTTY === true,
  };
}
