import type { Finding } from "../finding.ts";
import { declarationRegion, environmentObjectRegion } from "./declaration-region.ts";
import { ruleSectionRegion } from "./rule-section-region.ts";
import type { SourceRegion } from "./source-region.ts";

/** A repository file: its path from the repository root as a relative URI (`/`-separated), and its text. */
export interface SourceFile {
  readonly uri: string;
  readonly text: string;
}

/** The files findings are anchored to. */
export interface SarifSources {
  /** The file declaring each environment the repository holds, by environment name. */
  readonly environments: ReadonlyMap<string, SourceFile>;
  /** The rules page (docs/audit-rules.md): where a finding on a resource the repository does not declare points. */
  readonly ruleDocs: SourceFile;
}

export interface SourceLocation {
  readonly uri: string;
  readonly region: SourceRegion;
}

/**
 * Where code scanning shows a finding. A resource owned by one of the repository's environments: the line of that
 * environment's file that declares it (else the environment object's first line). Anything else: its rule's section of
 * the rules page, which exists in every checkout, does not move from run to run, and says how to fix it.
 */
export function locateFinding(finding: Finding, sources: SarifSources): SourceLocation {
  const owner = finding.ownerEnvironment === undefined ? undefined : sources.environments.get(finding.ownerEnvironment);
  if (owner !== undefined) {
    const region = declarationRegion(owner.text, finding.resourceId) ?? environmentObjectRegion(owner.text);
    return { uri: owner.uri, region };
  }
  return { uri: sources.ruleDocs.uri, region: ruleSectionRegion(sources.ruleDocs.text, finding.ruleId) };
}
