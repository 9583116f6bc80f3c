import type { ConnectionAttempt } from "./network-guard.ts";

export const probeSides = ["DefaultAzureCredential", "@infra/auth"] as const;
export type ProbeSideName = (typeof probeSides)[number];

/** One configuration for the probe: which sides to run, in order, and the environment each sees. */
export interface ProbeRun {
  key: string;
  sides: ProbeSideName[];
  /** process.env while this run lasts: the configuration plus the IMDS stand-in (for msal-node and DefaultAzureCredential). */
  processEnv: Record<string, string>;
  /** The configuration as @infra/auth is given it: without the IMDS stand-in, as on that machine. */
  env: Record<string, string>;
  onAzureVirtualMachine: boolean;
}

export interface ProbeError {
  name: string;
  /** First line only. */
  message: string;
  /** A configuration error's first problem path. */
  path?: string | undefined;
}

/** What one side did: the credential that produced a token and whose token it is, or how it failed. */
export type ProbeSide =
  | { token: { credential: string; objectId: string } }
  | { error: ProbeError; failedCredential?: string | undefined };

/** One side's outcome, and every connection its process attempted while that side ran. */
export interface ProbeOutput {
  side: ProbeSide;
  connections: ConnectionAttempt[];
}

/** Both sides' outputs of one configuration, as far as they ran. */
export type ProbeOutputs = Partial<Record<ProbeSideName, ProbeOutput>>;

/** What the probe prints per run: one line of JSON. */
export interface ProbeLine {
  key: string;
  outputs: ProbeOutputs;
}

/**
 * One comparable line per side: `EnvironmentCredential as ops`, `none available`, `failed at EnvironmentCredential`,
 * `refused: ...`. The credential is what produced the token (for DefaultAzureCredential, its own log line); the
 * principal is read from the token, and must be the one that credential signs in as in this configuration.
 */
export function outcomeOf(side: ProbeSide, principalOf: (objectId: string) => string, name: ProbeSideName): string {
  if ("token" in side) return `${side.token.credential} as ${principalOf(side.token.objectId)}`;
  const { error } = side;
  if (error.message.startsWith("Invalid value for AZURE_TOKEN_CREDENTIALS") || error.path === "AZURE_TOKEN_CREDENTIALS")
    return "refused: invalid AZURE_TOKEN_CREDENTIALS";
  if (error.path === "Environment" && error.message.includes("user name and password"))
    return "refused: user name and password";
  if (unavailableErrors[name].includes(error.name)) return "none available";
  return `failed at ${side.failedCredential ?? `an unnamed credential (${error.name})`}`;
}

// "Nothing here could be used": DefaultAzureCredential's chain errors; @infra/auth's configuration errors, which it
// raises before trying when the chosen credential cannot work. @infra/auth never lets a CredentialUnavailableError out.
const unavailableErrors: Readonly<Record<ProbeSideName, readonly string[]>> = {
  DefaultAzureCredential: ["AggregateAuthenticationError", "CredentialUnavailableError"],
  "@infra/auth": ["NoCredentialError", "ConfigError", "GitHubOidcPermissionError"],
};
