import { tagsPathOf } from "./ownership.ts";
import type { DiffRules, KindRules } from "./resource-kind.ts";

/** A kind's declared diff rules plus the one every kind shares: its tag map replaces as a whole. */
export function diffRulesOf(kind: KindRules): DiffRules {
  const tagsPath = tagsPathOf(kind);
  const wholeMapPaths = [...(kind.wholeMapPaths ?? []), ...(tagsPath === null ? [] : [tagsPath])];
  return {
    immutablePaths: kind.immutablePaths ?? [],
    unorderedArrayPaths: kind.unorderedArrayPaths ?? [],
    caseInsensitivePaths: kind.caseInsensitivePaths ?? [],
    wholeMapPaths,
    secretPaths: kind.secretPaths ?? [],
  };
}
