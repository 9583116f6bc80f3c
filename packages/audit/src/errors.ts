/** Thrown when a rule needs a related document that is missing or could not be read: the result is `error`. */
export class RelatedDocumentError extends Error {
  readonly document: string;
  readonly code: string | undefined;

  constructor(document: string, reason: string, code?: string) {
    super(`related document '${document}' could not be read: ${reason}`);
    this.name = "RelatedDocumentError";
    this.document = document;
    this.code = code;
  }
}

/** The suppression file is not valid: the audit must not run with a half-understood list of exceptions. */
export class SuppressionFileError extends Error {
  readonly source: string;
  readonly problems: readonly string[];

  constructor(source: string, problems: readonly string[]) {
    super(`invalid suppression file ${source}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "SuppressionFileError";
    this.source = source;
    this.problems = problems;
  }
}
