import type { ArmError } from "./contract.ts";

export function errorEnvelope(error: ArmError): { error: Record<string, unknown> } {
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.details) body.details = error.details;
  return { error: body };
}
