import { CliError, ConfigError, type ConfigProblem, ExitCode } from "@infra/cli";
import { idTokenPermissionHint } from "./credential-configuration.ts";
import type { CredentialName } from "./credential-names.ts";

/** A configured credential was refused (AADSTS error, unreachable endpoint): fatal, the chain does not go on. */
export class AuthenticationFailedError extends CliError {
  readonly credential: CredentialName;
  /** AADSTS code, when Entra ID gave one. */
  readonly aadstsCode: number | undefined;

  constructor(
    credential: CredentialName,
    line: string,
    details: { aadstsCode?: number | undefined; earlier?: readonly string[] },
    options?: ErrorOptions,
  ) {
    const earlier = details.earlier?.length ? `\n${details.earlier.map((l) => `  before that, ${l}`).join("\n")}` : "";
    super(`${line}${earlier}`, ExitCode.failure, options);
    this.name = "AuthenticationFailedError";
    this.credential = credential;
    this.aadstsCode = details.aadstsCode;
  }
}

/** In GitHub Actions without an OIDC token request URL: the workflow lacks `permissions: id-token: write`. */
export class GitHubOidcPermissionError extends ConfigError {
  constructor() {
    super("GitHub Actions OIDC is not available to this job", [
      { path: "GitHub Actions OIDC", message: idTokenPermissionHint },
    ]);
    this.name = "GitHubOidcPermissionError";
  }
}

/** No credential in the chain is configured here: each tried credential's reason is a problem line. */
export class NoCredentialError extends ConfigError {
  constructor(basis: string, problems: readonly ConfigProblem[]) {
    super(`no Azure credential is available (${basis}); each one tried:`, problems);
    this.name = "NoCredentialError";
  }
}
