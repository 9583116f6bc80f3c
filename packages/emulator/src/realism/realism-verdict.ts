import type { ArmError } from "../arm/contract.ts";

/** What a realism rule decided about one request: a line for the request log, and the error to answer, if any. */
export interface RealismVerdict {
  note: string;
  error?: ArmError;
}
