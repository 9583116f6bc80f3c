import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { CredentialUnavailableError, ManagedIdentityCredential } from "@azure/identity";
import { explicitManagedIdentityEndpoint, explicitManagedIdentityVariables } from "./azure-compute.ts";

/**
 * Managed identity that can never fall back to the instance metadata address where that is not allowed. MSAL picks the
 * managed-identity source from `process.env` (not from the env this package was given), so the check is made on
 * `process.env` at every call, just before MSAL reads it.
 */
export class GuardedManagedIdentityCredential implements TokenCredential {
  readonly #inner: ManagedIdentityCredential;
  readonly #imdsAllowed: boolean;

  constructor(options: { clientId?: string | undefined; imdsAllowed: boolean }) {
    this.#inner =
      options.clientId === undefined
        ? new ManagedIdentityCredential()
        : new ManagedIdentityCredential({ clientId: options.clientId });
    this.#imdsAllowed = options.imdsAllowed;
  }

  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    if (!this.#imdsAllowed && explicitManagedIdentityEndpoint(process.env) === undefined) {
      return Promise.reject(
        new CredentialUnavailableError(
          `no ${explicitManagedIdentityVariables.join(", ")} in this process, and the instance metadata address is not used here`,
        ),
      );
    }
    return this.#inner.getToken(scopes, options);
  }
}
