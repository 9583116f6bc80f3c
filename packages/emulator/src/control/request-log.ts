/** One line of `GET /_emulator/requests`. The Authorization header is never stored. */
export interface RequestLogEntry {
  time: string;
  requestId: string;
  method: string;
  path: string;
  status: number;
  principal?: string;
  durationMs: number;
  fault?: string;
  /** Realism mode's note: `operation takes 5321 ms`, `principal replicates in 800 ms`, `list hides 1 resource(s)...`. */
  realism?: string;
}

/** Ring buffer of recent requests (bounded so a benchmark cannot exhaust memory). */
export class RequestLog {
  readonly #entries: RequestLogEntry[] = [];
  private readonly capacity: number;

  // Plain fields, not parameter properties: Node runs this TypeScript by stripping types, which needs erasable syntax.
  constructor(capacity = 20_000) {
    this.capacity = capacity;
  }

  add(entry: RequestLogEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > this.capacity) this.#entries.splice(0, this.#entries.length - this.capacity);
  }

  entries(): readonly RequestLogEntry[] {
    return this.#entries;
  }

  clear(): void {
    this.#entries.length = 0;
  }

  toJsonLines(): string {
    return this.#entries.map((e) => `${JSON.stringify(e)}\n`).join("");
  }
}
