import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { ClientAssertionCredential } from "@azure/identity";
import { decodeJwt } from "jose/jwt/decode";
import type { AzureCloud } from "./clouds.ts";
import { entraOptions } from "./entra-options.ts";
import { requestGitHubIdToken } from "./github-id-token.ts";

/** Issuer, subject and audience of a federated token presented to Entra ID: what a federated credential must match. */
export interface PresentedToken {
  issuer: string;
  subject: string;
  audience: string;
}

export interface GitHubActionsCredentialOptions {
  tenantId: string;
  clientId: string;
  requestUrl: string;
  requestToken: string;
  audience: string;
  cloud: AzureCloud;
}

/**
 * GitHub Actions OIDC done so a job of any length works: the assertion callback asks GitHub for a new ID token every
 * time MSAL needs one, instead of exchanging one token once (azure/login's approach, which dies with AADSTS700024).
 */
export class GitHubActionsCredential implements TokenCredential {
  readonly #inner: ClientAssertionCredential;
  #presented: PresentedToken | undefined;
  #idTokensRequested = 0;

  constructor(options: GitHubActionsCredentialOptions) {
    this.#inner = new ClientAssertionCredential(
      options.tenantId,
      options.clientId,
      async () => {
        const idToken = await requestGitHubIdToken({
          requestUrl: options.requestUrl,
          requestToken: options.requestToken,
          audience: options.audience,
        });
        this.#idTokensRequested += 1;
        this.#presented = presentedToken(idToken);
        return idToken;
      },
      entraOptions(options.cloud),
    );
  }

  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    return this.#inner.getToken(scopes, options);
  }

  /** Claims of the last ID token presented (never the token). */
  get presented(): PresentedToken | undefined {
    return this.#presented;
  }

  /** How many ID tokens were fetched so far: one per assertion MSAL built. */
  get idTokensRequested(): number {
    return this.#idTokensRequested;
  }
}

export function presentedToken(jwt: string): PresentedToken {
  const claims = decodeJwt(jwt);
  const audience = Array.isArray(claims.aud) ? claims.aud.join(",") : (claims.aud ?? "");
  return { issuer: claims.iss ?? "unknown", subject: claims.sub ?? "unknown", audience };
}
