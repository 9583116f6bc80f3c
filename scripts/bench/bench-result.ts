/** What each package's bench prints on one stdout line `bench-result {json}`, and what the report holds. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The target as a comparison, e.g. `<= 1.5`; absent for figures reported for comparison only. */
  target?: string;
}

export interface BenchResult {
  id: string;
  title: string;
  figures: BenchFigure[];
}

export function parseBenchResults(stdout: string): BenchResult[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("bench-result "))
    .map((line) => JSON.parse(line.slice("bench-result ".length)) as BenchResult);
}

/** `<= 1.5` / `>= 2000` / `= 0` against a value; undefined when there is no target. */
export function meetsTarget(figure: BenchFigure): boolean | undefined {
  const match = /^(<=|>=|=)\s*([\d.]+)$/.exec(figure.target ?? "");
  if (!match) return undefined;
  const limit = Number(match[2]);
  return match[1] === "<=" ? figure.value <= limit : match[1] === ">=" ? figure.value >= limit : figure.value === limit;
}
