import { REDACTED } from "@infra/cli";
import type { WireObject } from "./desired-resource.ts";
import { diffRulesOf } from "./diff-rules-of.ts";
import type { PropertyChange } from "./property-change.ts";
import { childPath, isWireObject } from "./property-path.ts";
import type { DiffRules, KindRules } from "./resource-kind.ts";
import { isSecretPath } from "./secret-paths.ts";

/** Diff rules per kind key for rendering; a kind the renderer was not given still gets the shared defaults. */
export function rulesLookup(kinds: readonly KindRules[] = []): (kind: string) => DiffRules {
  const byKey = new Map(kinds.map((kind) => [kind.kind, diffRulesOf(kind)]));
  return (kind) => byKey.get(kind) ?? { wholeMapPaths: ["tags"] };
}

/** A copy of wire JSON with every secret-looking path's value replaced. */
export function redactProperties(properties: WireObject, rules: DiffRules, path = ""): WireObject {
  const out: WireObject = {};
  for (const [key, value] of Object.entries(properties)) {
    const keyPath = childPath(path, key);
    if (isSecretPath(keyPath, rules.secretPaths)) out[key] = REDACTED;
    else out[key] = isWireObject(value) ? redactProperties(value, rules, keyPath) : value;
  }
  return out;
}

export function redactChange(change: PropertyChange, rules: DiffRules): PropertyChange {
  if (isSecretPath(change.path, rules.secretPaths)) return { path: change.path, before: REDACTED, after: REDACTED };
  const redact = (value: unknown): unknown =>
    isWireObject(value) ? redactProperties(value, rules, change.path) : value;
  return { path: change.path, before: redact(change.before), after: redact(change.after) };
}
