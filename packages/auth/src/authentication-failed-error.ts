import { CliError, ExitCode } from "@infra/cli";
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
