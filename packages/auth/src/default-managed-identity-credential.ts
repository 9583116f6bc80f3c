import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { CredentialUnavailableError, ManagedIdentityCredential } from "@azure/identity";
import { isAzureArcAgentInstalled, managedIdentityEndpointHint, managedIdentitySource } from "./azure-compute.ts";

export interface DefaultManagedIdentityCredentialOptions {
  /** A user-assigned identity's client id (AZURE_CLIENT_ID, as DefaultAzureCredential reads it). */
  clientId?: string | undefined;
  /** Whether the instance metadata address may be contacted. */
  imdsAllowed: boolean;
}

/**
 * @azure/identity's ManagedIdentityCredential built as DefaultAzureCredential 4.14 builds it
 * (`createDefaultManagedIdentityCredential`): AZURE_CLIENT_ID names a user-assigned identity, 5 retries from 800 ms,
 * and a constructor that refuses (a client id in Cloud Shell or Service Fabric) means "unavailable, try the next".
 * Where the instance metadata address is not allowed it is never contacted: msal-node picks its source from
 * `process.env` (not from the env this package was given) at the first request, so that is checked at every call.
 */
export class DefaultManagedIdentityCredential implements TokenCredential {
  readonly #options: DefaultManagedIdentityCredentialOptions;
  #inner: ManagedIdentityCredential | undefined;

  constructor(options: DefaultManagedIdentityCredentialOptions) {
    this.#options = options;
  }

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    if (!this.#options.imdsAllowed && managedIdentitySource(process.env, isAzureArcAgentInstalled()) === "Imds") {
      throw new CredentialUnavailableError(
        `no managed-identity endpoint in this process (${managedIdentityEndpointHint}), and the instance metadata address is not used here`,
      );
    }
    return this.#credential().getToken(scopes, options);
  }

  #credential(): ManagedIdentityCredential {
    if (this.#inner !== undefined) return this.#inner;
    const retryOptions = { maxRetries: 5, retryDelayInMs: 800 };
    const { clientId } = this.#options;
    try {
      this.#inner =
        clientId === undefined
          ? new ManagedIdentityCredential({ retryOptions })
          : new ManagedIdentityCredential({ clientId, retryOptions });
    } catch (error) {
      // DefaultAzureCredential turns a credential that cannot be constructed into a skipped one.
      if (error instanceof Error && error.name === "CredentialUnavailableError") throw error;
      throw new CredentialUnavailableError(error instanceof Error ? error.message : String(error), { cause: error });
    }
    return this.#inner;
  }
}
