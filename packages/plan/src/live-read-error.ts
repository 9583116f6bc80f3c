/** Live state could not be read. Fail closed: a plan over a partial read would propose wrong changes. */
export class LiveReadError extends Error {
  /** What could not be read: `live Microsoft.Storage/storageAccounts resources`, `contents of <id>`. */
  readonly what: string;

  constructor(what: string, cause: unknown) {
    super(`could not read ${what}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "LiveReadError";
    this.what = what;
  }
}
