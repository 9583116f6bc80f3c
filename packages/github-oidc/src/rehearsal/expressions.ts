import { data, Evaluator, Lexer, Parser } from "@actions/expressions";
import { truthy } from "@actions/expressions/result";

/** The contexts an expression may read: github, vars, secrets, matrix, needs, steps, env, runner, job. */
export type ExpressionContexts = Record<string, unknown>;

/** The step's standing so far, for success() / failure() / always() / cancelled(). */
export interface JobStatus {
  failed: boolean;
}

const STATUS_FUNCTIONS = /\b(success|failure|always|cancelled)\s*\(/;
const TEMPLATE = /\$\{\{([\s\S]*?)\}\}/g;

function evaluateData(expression: string, contexts: ExpressionContexts, status: JobStatus): data.ExpressionData {
  const functions = [
    { name: "success", minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(!status.failed) },
    { name: "failure", minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(status.failed) },
    { name: "always", minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(true) },
    { name: "cancelled", minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(false) },
  ];
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  const tokens = new Lexer(expression).lex().tokens;
  const parsed = new Parser(tokens, Object.keys(contexts), functions).parse();
  return new Evaluator(parsed, context, new Map(functions.map((fn) => [fn.name, fn]))).evaluate();
}

function plain(value: data.ExpressionData): unknown {
  return JSON.parse(JSON.stringify(value, data.replacer));
}

/**
 * A value as GitHub evaluates it: a string that is exactly one `${{ }}` keeps the expression's type (so
 * `include: ${{ fromJSON(...) }}` is a list); otherwise each `${{ }}` is replaced by its string form. Lists and maps
 * (a `strategy.matrix`) are evaluated member by member.
 */
export function evaluateTemplate(
  value: unknown,
  contexts: ExpressionContexts,
  status: JobStatus = { failed: false },
): unknown {
  if (Array.isArray(value)) return value.map((item) => evaluateTemplate(item, contexts, status));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, member]) => [key, evaluateTemplate(member, contexts, status)]),
    );
  }
  if (typeof value !== "string") return value;
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
  if (whole?.[1] !== undefined && !whole[1].includes("}}")) return plain(evaluateData(whole[1], contexts, status));
  return value.replace(TEMPLATE, (_all, expression: string) =>
    evaluateData(expression, contexts, status).coerceString(),
  );
}

/** A value in a string place (env, `with:`, a script): null, as a missing output or input, is '' there, as in GitHub. */
export function evaluateString(value: string, contexts: ExpressionContexts): string {
  const result = evaluateTemplate(value, contexts);
  if (result === null || result === undefined) return "";
  return typeof result === "string" ? result : JSON.stringify(result);
}

/** An `if:`, with GitHub's implicit `success() &&` when it names no status function. */
export function evaluateCondition(
  condition: string | undefined,
  contexts: ExpressionContexts,
  status: JobStatus,
): boolean {
  const text = (condition ?? "")
    .trim()
    .replace(/^\$\{\{([\s\S]*)\}\}$/, "$1")
    .trim();
  if (text === "") return !status.failed;
  const result = evaluateData(text, contexts, status);
  return STATUS_FUNCTIONS.test(text) ? truthy(result) : !status.failed && truthy(result);
}
