import { $ } from "zx";
import type { GitHubVariable } from "./github-variables.ts";

export type SetVariablesOutcome =
  | { status: "set"; count: number }
  | { status: "skipped"; reason: string }
  | { status: "failed"; reason: string };

/**
 * Sets the variables with the GitHub CLI when it is installed and logged in; otherwise says why not (the person then
 * sets the printed values). Arguments go as arrays: zx quotes each one, nothing is built into a shell string.
 */
export async function setGitHubVariables(
  repository: string,
  variables: readonly GitHubVariable[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<SetVariablesOutcome> {
  const gh = $({ nothrow: true, quiet: true, env, timeout: "60s" });
  const version = await gh`gh --version`;
  if (version.exitCode !== 0) return { status: "skipped", reason: "the GitHub CLI (gh) is not installed" };
  const auth = await gh`gh auth status`;
  if (auth.exitCode !== 0) return { status: "skipped", reason: "gh is not logged in (run `gh auth login`)" };
  const environments = [...new Set(variables.flatMap((variable) => variable.environment ?? []))];
  for (const name of environments) {
    // Environment variables need the environment to exist; PUT creates it or leaves it as it is.
    const created = await gh`gh api --method PUT ${`repos/${repository}/environments/${name}`} --silent`;
    if (created.exitCode !== 0)
      return { status: "failed", reason: `gh could not create environment ${name}: ${firstLine(created.stderr)}` };
  }
  for (const variable of variables) {
    const scope = variable.environment ? ["--env", variable.environment] : [];
    const set = await gh`gh variable set ${variable.name} --body ${variable.value} --repo ${repository} ${scope}`;
    if (set.exitCode !== 0)
      return { status: "failed", reason: `gh variable set ${variable.name}: ${firstLine(set.stderr)}` };
  }
  return { status: "set", count: variables.length };
}

function firstLine(text: string): string {
  return text.split("\n")[0]?.trim() || "no message";
}
