// Microsoft's SARIF Multitool (`sarif-multitool validate`) with GitHub's ingestion rules on: shared by the audit's
// reporter tests and the end-to-end test of `pnpm run audit -- --format sarif`.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The platform's self-contained Multitool binary, as the npm package resolves it. */
const MULTITOOL: string = createRequire(import.meta.url)("@microsoft/sarif-multitool");
const GITHUB_POLICY = join(import.meta.dirname, "fixtures", "sarif-multitool-github.config.xml");

export interface MultitoolVerdict {
  readonly exitCode: number;
  /** `<rule id> <level> <JSON pointer>: <message>`, for every error and warning, and every error the tool itself had. */
  readonly problems: string[];
  /** The tool's console output, for a failing assertion's message. */
  readonly output: string;
}

interface ValidationResult {
  ruleId?: string;
  ruleIndex?: number;
  level?: string;
  message?: { text?: string; id?: string; arguments?: string[] };
  locations?: Array<{ physicalLocation?: { region?: { startLine?: number } } }>;
}
interface ValidationRun {
  tool?: { driver?: { rules?: Array<{ id?: string; messageStrings?: Record<string, { text?: string }> }> } };
  results?: ValidationResult[];
  invocations?: Array<{ toolExecutionNotifications?: Array<{ level?: string; message?: { text?: string } }> }>;
}

/**
 * `sarif-multitool validate` over a file: the SARIF rules (SARIF1xxx errors, SARIF2xxx warnings) and GitHub's GH1001-
 * GH1006 as errors; SARIF2006 is off because it fetches every URI in the log.
 */
export async function validateWithMultitool(file: string): Promise<MultitoolVerdict> {
  const dir = await mkdtemp(join(tmpdir(), "sarif-multitool-"));
  const validation = join(dir, "validation.sarif");
  try {
    const args = ["validate", file, "--output", validation, "--log", "ForceOverwrite"];
    args.push("--config", GITHUB_POLICY, "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning");
    const outcome = await run(MULTITOOL, args, {
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1" },
      timeout: 120_000,
    }).then(
      ({ stdout }) => ({ exitCode: 0, output: stdout }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        exitCode: typeof error.code === "number" ? error.code : -1,
        output: `${error.stdout ?? ""}${error.stderr ?? ""}`,
      }),
    );
    const log = JSON.parse(await readFile(validation, "utf8")) as { runs?: ValidationRun[] };
    return { ...outcome, problems: (log.runs ?? []).flatMap(problemsOf) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function problemsOf(run: ValidationRun): string[] {
  const rules = run.tool?.driver?.rules ?? [];
  const results = (run.results ?? [])
    .filter((result) => result.level === "error" || result.level === "warning")
    .map((result) => {
      const rule = rules[result.ruleIndex ?? -1] ?? rules.find((candidate) => candidate.id === result.ruleId);
      const template = result.message?.text ?? rule?.messageStrings?.[result.message?.id ?? ""]?.text ?? "";
      const args = result.message?.arguments ?? [];
      const text = template.replace(/\{(\d+)\}/g, (_match, index: string) => args[Number(index)] ?? "");
      return `${result.ruleId} ${result.level} line ${result.locations?.[0]?.physicalLocation?.region?.startLine}: ${text}`;
    });
  const notifications = (run.invocations ?? [])
    .flatMap((invocation) => invocation.toolExecutionNotifications ?? [])
    .filter((notification) => notification.level === "error")
    .map((notification) => `tool error: ${notification.message?.text?.split("\n")[0]}`);
  return [...results, ...notifications];
}
