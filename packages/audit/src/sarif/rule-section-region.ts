import { lineRegion, linesOf, type SourceRegion } from "./source-region.ts";

/** The `## <rule id>` heading of a rule's section in the rules page (see `renderRuleDocs`); else the page's first line. */
export function ruleSectionRegion(text: string, ruleId: string): SourceRegion {
  const lines = linesOf(text);
  const index = lines.findIndex((line) => line.trimEnd() === `## ${ruleId}`);
  return lineRegion(lines, index === -1 ? 1 : index + 1);
}
