/** The capture policy is missing or ARM answered something that is not a list page: a collector bug, not data. */
export class WireCaptureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WireCaptureError";
  }
}
