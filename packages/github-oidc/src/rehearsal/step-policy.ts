import type { WorkflowStep } from "./workflow-file.ts";

/** Why a step is not run locally; undefined when it is. */
export function skipReason(step: WorkflowStep): string | undefined {
  if (step.uses) {
    if (/^actions\/(checkout|setup-node)@|^pnpm\/action-setup@/.test(step.uses)) {
      return "runner set-up (this checkout and its Node/pnpm stand in)";
    }
    return `action ${step.uses.split("@")[0]} is not run locally`;
  }
  if (/^\s*pnpm install\b/.test(step.run ?? "")) return "install (this checkout is installed already)";
  // Steps calling `gh` run: the rehearsal's `gh` answers from its local GitHub, never from github.com.
  return undefined;
}
