import { randomUUID } from "node:crypto";

/** An Entra ID (AADSTS) error, rendered in the token endpoint's real body shape. */
export class AadError extends Error {
  readonly status: number;
  readonly error: string;
  readonly aadCode: number;
  constructor(status: number, error: string, aadCode: number, description: string) {
    super(`AADSTS${aadCode}: ${description}`);
    this.name = "AadError";
    this.status = status;
    this.error = error;
    this.aadCode = aadCode;
  }

  toBody(): Record<string, unknown> {
    const traceId = randomUUID();
    const correlationId = randomUUID();
    const timestamp = new Date()
      .toISOString()
      .replace("T", " ")
      .replace(/\.\d+Z$/, "Z");
    return {
      error: this.error,
      error_description: `${this.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [this.aadCode],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${this.aadCode}`,
    };
  }
}

export const aad = {
  tenantNotFound: (tenant: string) =>
    new AadError(
      400,
      "invalid_request",
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    ),
  appNotFound: (clientId: string, tenant: string) =>
    new AadError(
      400,
      "unauthorized_client",
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  invalidSecret: (clientId: string) =>
    new AadError(
      401,
      "invalid_client",
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
    ),
  noMatchingFederatedIdentity: (issuer: string, subject: string, audience: string) =>
    new AadError(
      400,
      "invalid_client",
      70021,
      `No matching federated identity record found for presented assertion. Assertion Issuer: '${issuer}'. Assertion Subject: '${subject}'. Assertion Audience: '${audience}'. https://learn.microsoft.com/entra/workload-id/workload-identity-federation`,
    ),
  assertionTimeRange: (now: number, nbf: number | undefined, exp: number | undefined) =>
    new AadError(
      400,
      "invalid_client",
      700024,
      `Client assertion is not within its valid time range. Current time: ${iso(now)}, assertion valid from ${nbf === undefined ? "unknown" : iso(nbf)}, expiry time of assertion ${exp === undefined ? "unknown" : iso(exp)}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`,
    ),
  invalidAssertion: (reason: string) =>
    new AadError(400, "invalid_client", 700027, `Client assertion failed signature validation. ${reason}`),
  missingCredential: () =>
    new AadError(
      401,
      "invalid_client",
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    ),
  unsupportedGrant: (grant: string) =>
    new AadError(400, "unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grant}'.`),
  invalidScope: (scope: string) =>
    new AadError(
      400,
      "invalid_scope",
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    ),
};

function iso(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString();
}
