import { ConfigError } from "@infra/cli";
import { idTokenPermissionHint } from "./credential-configuration.ts";

/** In GitHub Actions without an OIDC token request URL: the workflow lacks `permissions: id-token: write`. */
export class GitHubOidcPermissionError extends ConfigError {
  constructor() {
    super("GitHub Actions OIDC is not available to this job", [
      { path: "GitHub Actions OIDC", message: idTokenPermissionHint },
    ]);
    this.name = "GitHubOidcPermissionError";
  }
}
