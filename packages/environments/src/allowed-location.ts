import type { ReportProblem } from "./environment-section.ts";
import { allowedRegions, type Loose, looseRegion } from "./loose-reading.ts";
import { shown } from "./schema-parts.ts";

/** Reports `location` (as given, at `path`) when it is not one of the environment's allowed regions. */
export function checkAllowedLocation(
  environment: Loose,
  path: (string | number)[],
  location: unknown,
  report: ReportProblem,
): void {
  const name = looseRegion(location);
  const allowed = allowedRegions(environment);
  if (name && allowed.length > 0 && !allowed.includes(name)) {
    report(path, `${shown(name)} is not in allowedLocations (${allowed.join(", ")})`);
  }
}
