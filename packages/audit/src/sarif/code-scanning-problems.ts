import { gzipSync } from "node:zlib";

/**
 * What GitHub code scanning accepts, from its page "SARIF support for code scanning" (section "Validating your SARIF
 * file"): each upload is gzip-compressed to at most 10 MB, and a file with more than 20 runs, a run with more than
 * 25,000 results, 25,000 rules or 100 tool extensions, a result with more than 1,000 locations or 10,000 thread flow
 * locations, or a rule with more than 20 tags is rejected whole. Rule names are limited to 255 characters, short and
 * full descriptions to 1,024.
 */
export const CODE_SCANNING_LIMITS = {
  gzippedBytes: 10 * 1024 * 1024,
  runsPerFile: 20,
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
  toolExtensionsPerRun: 100,
  locationsPerResult: 1_000,
  threadFlowLocationsPerResult: 10_000,
  tagsPerRule: 20,
  ruleNameCharacters: 255,
  descriptionCharacters: 1_024,
} as const;

type Json = Record<string, unknown>;

/** The problems `codeScanningProblems` finds, plus the upload's size limit and JSON syntax, for a file's text. */
export function codeScanningFileProblems(text: string): string[] {
  let log: unknown;
  try {
    log = JSON.parse(text);
  } catch (error) {
    return [`not JSON: ${(error as Error).message}`];
  }
  const gzipped = gzipSync(text).length;
  const size =
    gzipped > CODE_SCANNING_LIMITS.gzippedBytes
      ? [`${gzipped} bytes gzip-compressed, over the ${CODE_SCANNING_LIMITS.gzippedBytes} bytes an upload may be`]
      : [];
  return [...size, ...codeScanningProblems(log)];
}

/**
 * Why code scanning would reject a SARIF log or drop its results, by JSON path; empty when it would take it whole.
 * Beyond GitHub's required properties and limits it holds the audit's own promises: every result located at a line of
 * a repository file (GitHub fails the whole upload with "expected artifact location" otherwise), a fingerprint per
 * result, a `security-severity` on every rule and a category on every run.
 */
export function codeScanningProblems(log: unknown): string[] {
  const problems: string[] = [];
  const problem = (path: string, text: string) => problems.push(`${path}: ${text}`);
  if (!isObject(log)) return ["$: not a JSON object"];
  if (log.version !== "2.1.0") problem("$.version", `must be "2.1.0" (is ${JSON.stringify(log.version)})`);
  if (!isText(log.$schema)) problem("$.$schema", "missing: the URI of the SARIF 2.1.0 schema is required");
  if (!Array.isArray(log.runs) || log.runs.length === 0) {
    problem("$.runs", "missing or empty: a log needs at least one run");
    return problems;
  }
  if (log.runs.length > CODE_SCANNING_LIMITS.runsPerFile) {
    problem("$.runs", `${log.runs.length} runs, over the limit of ${CODE_SCANNING_LIMITS.runsPerFile}`);
  }
  for (const [index, run] of log.runs.entries()) checkRun(run, `$.runs[${index}]`, problem);
  return problems;
}

type Report = (path: string, text: string) => void;

function checkRun(run: unknown, path: string, problem: Report): void {
  if (!isObject(run)) {
    problem(path, "not an object");
    return;
  }
  const tool = isObject(run.tool) ? run.tool : {};
  const driver = isObject(tool.driver) ? tool.driver : undefined;
  if (driver === undefined) {
    problem(`${path}.tool.driver`, "missing");
    return;
  }
  if (!isText(driver.name)) problem(`${path}.tool.driver.name`, "missing");
  if (!isObject(run.automationDetails) || !isText(run.automationDetails.id)) {
    problem(`${path}.automationDetails.id`, "missing: each environment's analysis needs its own category");
  }
  const extensions = Array.isArray(tool.extensions) ? tool.extensions : [];
  if (extensions.length > CODE_SCANNING_LIMITS.toolExtensionsPerRun) {
    problem(
      `${path}.tool.extensions`,
      `${extensions.length}, over the limit of ${CODE_SCANNING_LIMITS.toolExtensionsPerRun}`,
    );
  }
  if (!Array.isArray(driver.rules)) {
    problem(`${path}.tool.driver.rules`, "missing");
    return;
  }
  if (driver.rules.length > CODE_SCANNING_LIMITS.rulesPerRun) {
    problem(
      `${path}.tool.driver.rules`,
      `${driver.rules.length}, over the limit of ${CODE_SCANNING_LIMITS.rulesPerRun}`,
    );
  }
  const ruleIds = new Set<string>();
  for (const component of [driver, ...extensions]) {
    for (const rule of isObject(component) && Array.isArray(component.rules) ? component.rules : []) {
      if (isObject(rule) && isText(rule.id)) ruleIds.add(rule.id);
    }
  }
  for (const [index, rule] of driver.rules.entries()) checkRule(rule, `${path}.tool.driver.rules[${index}]`, problem);
  if (!Array.isArray(run.results)) {
    problem(`${path}.results`, "missing (an empty array when nothing was found)");
    return;
  }
  if (run.results.length > CODE_SCANNING_LIMITS.resultsPerRun) {
    problem(`${path}.results`, `${run.results.length}, over the limit of ${CODE_SCANNING_LIMITS.resultsPerRun}`);
  }
  for (const [index, result] of run.results.entries()) {
    checkResult(result, `${path}.results[${index}]`, ruleIds, problem);
  }
}

function checkRule(rule: unknown, path: string, problem: Report): void {
  if (!isObject(rule)) {
    problem(path, "not an object");
    return;
  }
  if (!isText(rule.id)) problem(`${path}.id`, "missing");
  if (typeof rule.name === "string" && rule.name.length > CODE_SCANNING_LIMITS.ruleNameCharacters) {
    problem(`${path}.name`, `longer than ${CODE_SCANNING_LIMITS.ruleNameCharacters} characters`);
  }
  for (const key of ["shortDescription", "fullDescription", "help"] as const) {
    const text = isObject(rule[key]) ? rule[key].text : undefined;
    if (!isText(text)) problem(`${path}.${key}.text`, "missing");
    else if (key !== "help" && text.length > CODE_SCANNING_LIMITS.descriptionCharacters) {
      problem(`${path}.${key}.text`, `longer than ${CODE_SCANNING_LIMITS.descriptionCharacters} characters`);
    }
  }
  const properties = isObject(rule.properties) ? rule.properties : {};
  const tags = Array.isArray(properties.tags) ? properties.tags : [];
  if (tags.length > CODE_SCANNING_LIMITS.tagsPerRule) {
    problem(`${path}.properties.tags`, `${tags.length} tags, over the limit of ${CODE_SCANNING_LIMITS.tagsPerRule}`);
  }
  const severity = properties["security-severity"];
  if (!isSecuritySeverity(severity)) {
    problem(
      `${path}.properties.security-severity`,
      `must be a number from 0.0 to 10.0 as a string (is ${JSON.stringify(severity)})`,
    );
  }
}

function checkResult(result: unknown, path: string, ruleIds: ReadonlySet<string>, problem: Report): void {
  if (!isObject(result)) {
    problem(path, "not an object");
    return;
  }
  if (!isText(result.ruleId)) problem(`${path}.ruleId`, "missing");
  else if (!ruleIds.has(result.ruleId)) problem(`${path}.ruleId`, `${result.ruleId} is not among the run's rules`);
  if (!isObject(result.message) || !isText(result.message.text)) problem(`${path}.message.text`, "missing");
  const fingerprints = isObject(result.partialFingerprints) ? Object.values(result.partialFingerprints) : [];
  if (!fingerprints.some(isText))
    problem(`${path}.partialFingerprints`, "missing: alerts would not be tracked across runs");
  if (!Array.isArray(result.locations) || result.locations.length === 0) {
    problem(`${path}.locations`, "missing: code scanning rejects a result without a location");
    return;
  }
  if (result.locations.length > CODE_SCANNING_LIMITS.locationsPerResult) {
    problem(
      `${path}.locations`,
      `${result.locations.length}, over the limit of ${CODE_SCANNING_LIMITS.locationsPerResult}`,
    );
  }
  for (const [index, location] of result.locations.entries())
    checkLocation(location, `${path}.locations[${index}]`, problem);
  const threadFlowLocations = (Array.isArray(result.codeFlows) ? result.codeFlows : [])
    .flatMap((flow) => (isObject(flow) && Array.isArray(flow.threadFlows) ? flow.threadFlows : []))
    .reduce(
      (count: number, thread) =>
        count + (isObject(thread) && Array.isArray(thread.locations) ? thread.locations.length : 0),
      0,
    );
  if (threadFlowLocations > CODE_SCANNING_LIMITS.threadFlowLocationsPerResult) {
    problem(
      `${path}.codeFlows`,
      `${threadFlowLocations} thread flow locations, over the limit of ${CODE_SCANNING_LIMITS.threadFlowLocationsPerResult}`,
    );
  }
}

function checkLocation(location: unknown, path: string, problem: Report): void {
  const physical = isObject(location) && isObject(location.physicalLocation) ? location.physicalLocation : undefined;
  const artifact = physical && isObject(physical.artifactLocation) ? physical.artifactLocation : undefined;
  if (artifact === undefined || !isText(artifact.uri)) {
    problem(
      `${path}.physicalLocation.artifactLocation.uri`,
      'missing: the upload fails with "expected artifact location"',
    );
    return;
  }
  if (/^[a-z][a-z\d+.-]*:/i.test(artifact.uri) || artifact.uri.startsWith("/")) {
    problem(
      `${path}.physicalLocation.artifactLocation.uri`,
      `${artifact.uri} is absolute: use a path from the repository root`,
    );
  }
  const region = physical && isObject(physical.region) ? physical.region : {};
  if (!Number.isInteger(region.startLine) || (region.startLine as number) < 1) {
    problem(`${path}.physicalLocation.region.startLine`, "missing: code scanning shows a result at a line");
  }
}

/** GitHub's `security-severity`: a string holding a score from 0.0 to 10.0. */
function isSecuritySeverity(value: unknown): boolean {
  if (typeof value !== "string" || !/^\d+(\.\d+)?$/.test(value)) return false;
  const score = Number(value);
  return score >= 0 && score <= 10;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Code scanning does not take the empty string for a required property. */
function isText(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}
