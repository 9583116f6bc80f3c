import { ArmError, type ArmResource } from "../../arm/contract.ts";
import { isRecord } from "./json-record.ts";

export const FEDERATED_CREDENTIAL_TYPE =
  "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials";
/** Entra's limit per application or user-assigned identity. */
export const MAX_FEDERATED_CREDENTIALS = 20;
/** 3-120 characters: letters, digits, hyphens and underscores, starting with a letter or digit. */
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,119}$/;

function badRequest(message: string): ArmError {
  return new ArmError(400, "BadRequest", message);
}

export function federatedCredentialId(identityId: string, name: string): string {
  return `${identityId}/federatedIdentityCredentials/${name}`;
}

export function buildFederatedCredential(identityId: string, name: string, body: unknown): ArmResource {
  if (!NAME.test(name)) {
    throw badRequest(
      `Federated identity credential name '${name}' is invalid: use 3-120 letters, digits, '-' or '_', starting with a letter or digit.`,
    );
  }
  const given = isRecord(body) && isRecord(body.properties) ? body.properties : {};
  const { issuer, subject, audiences, claimsMatchingExpression } = given;
  if (typeof issuer !== "string" || !issuer.startsWith("https://")) {
    throw badRequest("Issuer must be a valid https URL.");
  }
  if (typeof subject !== "string" && !isRecord(claimsMatchingExpression)) {
    throw badRequest("Either subject or claimsMatchingExpression must be provided.");
  }
  if (!Array.isArray(audiences) || audiences.length !== 1 || typeof audiences[0] !== "string") {
    throw badRequest("Audiences must contain exactly one value.");
  }
  const properties: Record<string, unknown> = { issuer, audiences };
  if (typeof subject === "string") properties.subject = subject;
  if (isRecord(claimsMatchingExpression)) properties.claimsMatchingExpression = claimsMatchingExpression;
  return { id: federatedCredentialId(identityId, name), name, type: FEDERATED_CREDENTIAL_TYPE, properties };
}

export function tooManyCredentials(identityName: string): ArmError {
  return badRequest(
    `Too many Federated Identity Credentials are configured on the identity '${identityName}'. The maximum allowed is ${MAX_FEDERATED_CREDENTIALS}.`,
  );
}

/** Entra matches on issuer + subject, so two credentials of one identity cannot share the pair. */
export function duplicateCredential(existingName: string): ArmError {
  return badRequest(
    `The federated identity credential '${existingName}' already has the same issuer and subject; the combination must be unique per identity.`,
  );
}
