import { checkAllowedLocation } from "./allowed-location.ts";
import type { ReportProblem } from "./environment-section.ts";
import { type Loose, looseObject } from "./loose-reading.ts";
import { shown } from "./schema-parts.ts";

/** The base's own rules that span fields: its location is allowed, every required tag has a value. */
export function checkBaseCrossReferences(environment: Loose, report: ReportProblem): void {
  checkAllowedLocation(environment, ["location"], environment.location, report);
  const tags = looseObject(environment.tags);
  for (const name of Array.isArray(environment.requiredTags) ? environment.requiredTags : []) {
    // Own keys only: a required tag named "constructor" or "toString" must not be satisfied by Object.prototype.
    if (typeof name === "string" && (!Object.hasOwn(tags, name) || tags[name] === undefined)) {
      report(["requiredTags"], `required tag ${shown(name)} has no value in tags; add tags.${name}`);
    }
  }
}
