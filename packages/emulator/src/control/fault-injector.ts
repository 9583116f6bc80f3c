/** A fault rule from `POST /_emulator/faults`. */
export interface FaultRule {
  /** Method to match (any when absent). */
  method?: string;
  /** Regular expression tested against the path + query. */
  path: string;
  /** HTTP status to answer with (e.g. 503, 429). */
  status?: number;
  /** ARM error code in the envelope. */
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
  /**
   * Delay before answering (or before passing through when no status/reset). Clearing the faults ends every delay in
   * progress at once, so a test can hold a request "until I say so" with a long delay and a clear.
   */
  delayMs?: number;
  /** Destroy the connection instead of answering. */
  reset?: boolean;
  /**
   * Let a long-running request start as usual, then end its operation Failed with `code`/`message` (default
   * `InternalOperationError`) and commit nothing, as when Azure gives up provisioning. `status` is then the HTTP status
   * of the final Location poll (default 400; a 5xx there is retried by the SDKs as transient). No effect on requests
   * that do not start an operation.
   */
  failOperation?: boolean;
  /** Applies this many times, then is removed (unlimited when absent). */
  count?: number;
  /** Chance (0..1) that a matching request is hit. */
  probability?: number;
}

export interface ActiveFault extends FaultRule {
  id: number;
  hits: number;
}

export class FaultInjector {
  #rules: ActiveFault[] = [];
  #nextId = 1;
  #cleared = new AbortController();

  /** Aborted when the faults are cleared: a delay in progress ends with it. */
  get clearedSignal(): AbortSignal {
    return this.#cleared.signal;
  }

  add(rule: FaultRule): ActiveFault {
    new RegExp(rule.path); // throws early on a bad pattern
    const active = { ...rule, id: this.#nextId++, hits: 0 };
    this.#rules.push(active);
    return active;
  }

  list(): readonly ActiveFault[] {
    return this.#rules;
  }

  clear(): void {
    this.#rules = [];
    this.#cleared.abort();
    this.#cleared = new AbortController();
  }

  /** The first rule hit by this request, counting it; undefined when none applies. */
  take(method: string, pathAndQuery: string): ActiveFault | undefined {
    for (const rule of this.#rules) {
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (!new RegExp(rule.path, "i").test(pathAndQuery)) continue;
      if (rule.probability !== undefined && Math.random() >= rule.probability) continue;
      rule.hits += 1;
      if (rule.count !== undefined && rule.hits >= rule.count) this.#rules = this.#rules.filter((r) => r !== rule);
      return rule;
    }
    return undefined;
  }
}
