import { jsonPaths } from "../support/json-paths.ts";
import { GUID } from "./rewrite.ts";

/** One way the emulator's answer differs from the recorded one. */
export interface Divergence {
  kind: "status" | "error-code" | "missing" | "extra" | "value" | "count";
  /** JSON path with array elements collapsed to `[]` (`properties.keys[].creationTime`); `''` for the status. */
  path: string;
  recorded?: unknown;
  replayed?: unknown;
}

export interface Answer {
  status: number;
  body: unknown;
}

/**
 * Status pairs taken as the same answer, each with the reason; anything else must match exactly. None is needed: the
 * emulator answers 200, 201 and 204 where Azure did. A 202 is never the same as an answer at once; an accepted
 * operation is compared by its final result (see `replay-cassette.ts`).
 */
export const EQUIVALENT_STATUSES: { recorded: number; replayed: number; why: string }[] = [];

/** Values that differ between any two runs against the same service: times, etags, key material, request ids. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const VOLATILE_KEYS = new Set(["etag"]);
const VOLATILE_PATHS = new Set(["keys[].value", "error.message"]);
/** Static-website endpoints carry the storage stamp's zone number (`https://name.z13.web.core.windows.net/`). */
const WEB_ZONE = /\.z\d+\.web\./;

function statusesMatch(recorded: number, replayed: number): boolean {
  return recorded === replayed || EQUIVALENT_STATUSES.some((e) => e.recorded === recorded && e.replayed === replayed);
}

/**
 * Compares a replayed answer with the recorded one (already rewritten for the emulator): the status, for errors the
 * error code, otherwise the set of JSON property paths and every deterministic value. Ids Azure generated are compared
 * only when `knows(id)` (the replay has learned which id of the emulator's stands for it).
 */
export function compareAnswers(recorded: Answer, replayed: Answer, knows: (id: string) => boolean): Divergence[] {
  if (!statusesMatch(recorded.status, replayed.status)) {
    return [{ kind: "status", path: "", recorded: recorded.status, replayed: replayed.status }];
  }
  const recordedCode = errorCode(recorded.body);
  if (recordedCode !== undefined || errorCode(replayed.body) !== undefined) {
    const replayedCode = errorCode(replayed.body);
    return recordedCode === replayedCode
      ? []
      : [{ kind: "error-code", path: "error.code", recorded: recordedCode, replayed: replayedCode }];
  }
  const out: Divergence[] = [];
  const want = jsonPaths(recorded.body);
  const got = jsonPaths(replayed.body);
  for (const path of want) if (!got.has(path)) out.push({ kind: "missing", path });
  for (const path of got) if (!want.has(path)) out.push({ kind: "extra", path });
  compareValues(recorded.body, replayed.body, "", knows, out);
  return out.sort((a, b) => `${a.path}|${a.kind}`.localeCompare(`${b.path}|${b.kind}`));
}

function errorCode(body: unknown): string | undefined {
  if (!isObject(body) || !isObject(body.error)) return undefined;
  return typeof body.error.code === "string" ? body.error.code : undefined;
}

function join(prefix: string, key: string): string {
  return prefix === "" ? key : `${prefix}.${key}`;
}

function compareValues(
  recorded: unknown,
  replayed: unknown,
  path: string,
  knows: (id: string) => boolean,
  out: Divergence[],
): void {
  if (replayed === undefined) return; // reported as a missing path
  if (Array.isArray(recorded)) {
    if (!Array.isArray(replayed)) {
      out.push({ kind: "value", path, recorded: "[array]", replayed });
      return;
    }
    compareArrays(recorded, replayed, `${path}[]`, knows, out);
    return;
  }
  if (isObject(recorded)) {
    if (!isObject(replayed)) {
      out.push({ kind: "value", path, recorded: "{object}", replayed });
      return;
    }
    for (const [key, value] of Object.entries(recorded)) {
      if (VOLATILE_KEYS.has(key)) continue;
      compareValues(value, replayed[key], join(path, key), knows, out);
    }
    return;
  }
  if (VOLATILE_PATHS.has(path) || !deterministic(recorded, knows)) return;
  if (!sameLeaf(recorded, replayed)) out.push({ kind: "value", path, recorded, replayed });
}

/** Elements with an `id` or `name` are paired by it (ARM does not promise an order); others by position. */
function compareArrays(
  recorded: unknown[],
  replayed: unknown[],
  path: string,
  knows: (id: string) => boolean,
  out: Divergence[],
): void {
  if (recorded.length !== replayed.length) {
    out.push({ kind: "count", path, recorded: recorded.length, replayed: replayed.length });
  }
  if (recorded.every((e) => identity(e) !== undefined)) {
    const byIdentity = new Map(replayed.map((e) => [identity(e), e]));
    for (const element of recorded) {
      const match = byIdentity.get(identity(element));
      if (match !== undefined) compareValues(element, match, path, knows, out);
    }
    return;
  }
  if (recorded.every((e) => !isObject(e) && !Array.isArray(e))) {
    const sortedReplayed = [...replayed].map(String).sort();
    const sortedRecorded = [...recorded].map(String).sort();
    if (sortedRecorded.join("\n") !== sortedReplayed.join("\n") && recorded.every((e) => deterministic(e, knows))) {
      out.push({ kind: "value", path, recorded, replayed });
    }
    return;
  }
  for (const [i, element] of recorded.entries()) compareValues(element, replayed[i], path, knows, out);
}

function identity(element: unknown): string | undefined {
  if (!isObject(element)) return undefined;
  const key = element.id ?? element.name ?? element.keyName;
  return typeof key === "string" ? key.toLowerCase() : undefined;
}

function deterministic(value: unknown, knows: (id: string) => boolean): boolean {
  if (typeof value !== "string") return true;
  if (ISO_TIME.test(value)) return false;
  if (GUID.test(value)) return knows(value);
  return true;
}

function sameLeaf(recorded: unknown, replayed: unknown): boolean {
  if (typeof recorded === "string" && typeof replayed === "string") {
    if (WEB_ZONE.test(recorded))
      return recorded.replace(WEB_ZONE, ".zN.web.") === replayed.replace(WEB_ZONE, ".zN.web.");
    return recorded === replayed;
  }
  return recorded === replayed;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
