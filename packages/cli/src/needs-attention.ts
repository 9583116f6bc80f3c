/**
 * What `run` returns when it finished fine but the result needs a person (audit findings at or above
 * `--fail-on`, a plan with pending changes under `--detailed-exitcode`): exit 3. A result, not an error.
 */
export class NeedsAttention {
  readonly reason: string;

  constructor(reason: string) {
    this.reason = reason;
  }
}

export function needsAttention(reason: string): NeedsAttention {
  return new NeedsAttention(reason);
}
