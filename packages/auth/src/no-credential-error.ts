import { ConfigError, type ConfigProblem } from "@infra/cli";

/** No credential in the chain is configured here: each tried credential's reason is a problem line. */
export class NoCredentialError extends ConfigError {
  constructor(basis: string, problems: readonly ConfigProblem[]) {
    super(`no Azure credential is available (${basis}); each one tried:`, problems);
    this.name = "NoCredentialError";
  }
}
