/**
 * The hidden first line of the plan workflow's comment for one environment: the workflow finds its own comment by it
 * (posted by github-actions[bot]) and edits it in place, so a pull request carries one plan per environment.
 */
export function planCommentMarker(environment: string): string {
  return `<!-- azure-infra-ops plan: ${environment} -->`;
}
