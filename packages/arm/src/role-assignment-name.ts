import { createHash } from "node:crypto";

/** This repo's namespace for name-based UUIDs (RFC 9562 version 5); any fixed UUID works, it must never change. */
const NAMESPACE = "5f0c6d1e-7a42-4c8b-9d3e-2b1a0f9e8c7d";

/**
 * Role assignment names must be GUIDs. A random one would make every re-plan see a new assignment; this one is derived
 * from scope + principal + role, so the same grant always has the same name (and ARM refuses a duplicate grant).
 */
export function roleAssignmentName(scope: string, principalId: string, roleDefinitionGuid: string): string {
  const name = [scope, principalId, roleDefinitionGuid].map((part) => part.toLowerCase()).join("|");
  const namespace = Buffer.from(NAMESPACE.replaceAll("-", ""), "hex");
  const bytes = createHash("sha1").update(namespace).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
