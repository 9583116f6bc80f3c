/** A kind could not read live state. Fail closed: a plan over a partial read would propose wrong changes. */
export class LiveReadError extends Error {
  readonly kind: string;

  constructor(kind: string, cause: unknown) {
    super(`could not read live ${kind} resources: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = "LiveReadError";
    this.kind = kind;
  }
}
