/** A saved plan file is unreadable or not a plan of this version; each problem names the field. */
export class PlanFileError extends Error {
  readonly source: string;
  readonly problems: readonly string[];

  constructor(source: string, problems: readonly string[]) {
    super(`invalid plan file ${source}:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "PlanFileError";
    this.source = source;
    this.problems = problems;
  }
}
