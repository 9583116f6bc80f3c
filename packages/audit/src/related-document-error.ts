/** Thrown when a rule needs a related document that is missing or could not be read: the result is `error`. */
export class RelatedDocumentError extends Error {
  readonly document: string;
  readonly code: string | undefined;

  constructor(document: string, reason: string, code?: string) {
    super(`related document '${document}' could not be read: ${reason}`);
    this.name = "RelatedDocumentError";
    this.document = document;
    this.code = code;
  }
}
