import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import type { Logger } from "@infra/cli";
import type { BuiltCredential } from "./build-credential.ts";
import { aadstsCode, adviceForCredentialFailure } from "./credential-failure-advice.ts";
import { type CredentialName, credentialLabels } from "./credential-names.ts";
import { AuthenticationFailedError, NoCredentialError } from "./errors.ts";
import type { PresentedToken } from "./github-actions-credential.ts";
import { type HandedToken, handedTokenServes } from "./handed-token.ts";

/** A chain entry: a credential to try, or one skipped with its reason. */
export type ChainEntry = { built: BuiltCredential } | { skipped: { label: string; reason: string } };

/** The credential that signed in: one of the chain's, or the one a handed token names. */
export interface SelectedCredential {
  readonly name: CredentialName;
  presented(): PresentedToken | undefined;
}

/**
 * The chain rule of azure-sdk-for-js, made explicit and reported by name: `CredentialUnavailableError` (and
 * `AuthenticationRequiredError` without an Entra ID refusal) means "not configured here, try the next"; anything else
 * is fatal. The first credential that works is kept for the life of the process (one identity per run, one token
 * cache). The credentials are built (and @azure/identity loaded) the first time a token is needed that a handed token
 * does not answer: a task process under a root command usually never needs them.
 */
export class CredentialChain implements TokenCredential {
  readonly #load: () => Promise<readonly ChainEntry[]>;
  readonly #basis: string;
  readonly #log: Logger | undefined;
  #entries: Promise<readonly ChainEntry[]> | undefined;
  #selected: BuiltCredential | undefined;
  #handed: HandedToken | undefined;
  #handedUsed = false;

  constructor(load: () => Promise<readonly ChainEntry[]>, options: { basis: string; log?: Logger | undefined }) {
    this.#load = load;
    this.#basis = options.basis;
    this.#log = options.log;
  }

  /** The credential that produced a token, once one has. */
  get selected(): SelectedCredential | undefined {
    if (this.#selected !== undefined) return this.#selected;
    const handed = this.#handed;
    if (!this.#handedUsed || handed === undefined) return undefined;
    return { name: handed.credential, presented: () => handed.presented };
  }

  /** Whether the tokens so far came from a handed token (no credential of this process signed in). */
  get answeredByHandedToken(): boolean {
    return this.#selected === undefined && this.#handedUsed;
  }

  /** Answers with `handed` (made under this chain's configuration) while it is valid, before building any credential. */
  adopt(handed: HandedToken): void {
    this.#handed = handed;
  }

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    if (this.#selected !== undefined) return this.#attempt(this.#selected, scopes, options, []);
    const handed = this.#handed;
    if (handed !== undefined && handedTokenServes(handed, scopes, Date.now())) {
      if (!this.#handedUsed)
        this.#log?.debug(
          "%s: using the token of the command that started this process",
          credentialLabels[handed.credential],
        );
      this.#handedUsed = true;
      return { token: handed.token, expiresOnTimestamp: handed.expiresOnTimestamp, tokenType: "Bearer" };
    }
    const lines: { label: string; reason: string }[] = [];
    this.#entries ??= this.#load();
    for (const entry of await this.#entries) {
      if ("skipped" in entry) {
        lines.push(entry.skipped);
        this.#log?.debug("%s: skipped: %s", entry.skipped.label, entry.skipped.reason);
        continue;
      }
      const label = credentialLabels[entry.built.name];
      try {
        const token = await this.#attempt(
          entry.built,
          scopes,
          options,
          lines.map((l) => `${l.label}: ${l.reason}`),
        );
        this.#selected = entry.built;
        return token;
      } catch (error) {
        if (!isUnavailable(error)) throw error;
        const reason = adviceForCredentialFailure(entry.built.name, error, entry.built.failureContext());
        lines.push({ label, reason });
        this.#log?.debug("%s: unavailable: %s", label, reason);
      }
    }
    throw new NoCredentialError(
      this.#basis,
      lines.map((line) => ({ path: line.label, message: line.reason })),
    );
  }

  async #attempt(
    built: BuiltCredential,
    scopes: string | string[],
    options: GetTokenOptions | undefined,
    earlier: string[],
  ): Promise<AccessToken> {
    try {
      const token = await built.credential.getToken(scopes, options);
      // TokenCredential allows null for "no token"; treat it as the credential saying it is not available here.
      if (token === null) {
        const { CredentialUnavailableError } = await import("@azure/identity");
        throw new CredentialUnavailableError(`${built.name} returned no token`);
      }
      return token;
    } catch (error) {
      if (isUnavailable(error) && this.#selected === undefined) throw error;
      if (error instanceof Error && (error.name === "AbortError" || options?.abortSignal?.aborted)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      const label = credentialLabels[built.name];
      const advice = adviceForCredentialFailure(built.name, error, built.failureContext());
      throw new AuthenticationFailedError(
        built.name,
        `${label}: ${advice}`,
        { aadstsCode: aadstsCode(message), earlier },
        { cause: error },
      );
    }
  }
}

// As in ChainedTokenCredential, AuthenticationRequiredError also means "try the next" (a workload identity token file
// that cannot be read surfaces as one), except when Entra ID refused the credential (an AADSTS code). DefaultAzureCredential
// stops at a refused secret or certificate but moves on from a refused workload identity, and so runs as whichever
// identity comes next; here every refusal stops the run.
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "CredentialUnavailableError") return true;
  return error.name === "AuthenticationRequiredError" && aadstsCode(error.message) === undefined;
}
