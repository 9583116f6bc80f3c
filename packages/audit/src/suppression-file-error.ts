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
