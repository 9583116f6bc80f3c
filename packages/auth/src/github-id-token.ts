import http from "node:http";
import https from "node:https";

/** The audience Entra ID expects in a GitHub ID token exchanged for an access token. */
export const defaultGitHubAudience = "api://AzureADTokenExchange";

/** The GitHub Actions ID-token endpoint failed or answered something that is not a token. */
export class GitHubIdTokenError extends Error {
  readonly statusCode: number | undefined;
  constructor(message: string, statusCode?: number, options?: ErrorOptions) {
    super(message, options);
    this.name = "GitHubIdTokenError";
    this.statusCode = statusCode;
  }
}

export interface GitHubIdTokenRequest {
  /** ACTIONS_ID_TOKEN_REQUEST_URL */
  requestUrl: string;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN */
  requestToken: string;
  audience: string;
  abortSignal?: AbortSignal | undefined;
  /** Extra trust (PEM) for a test issuer when NODE_EXTRA_CA_CERTS is not set. */
  ca?: string | undefined;
}

/**
 * Asks the Actions runtime for a new ID token: `GET $URL&audience=...` with the request token as bearer. Every call
 * returns a fresh token, which is the point: an assertion must never outlive its few minutes.
 */
export async function requestGitHubIdToken(request: GitHubIdTokenRequest): Promise<string> {
  const url = new URL(request.requestUrl);
  url.searchParams.set("audience", request.audience);
  const loopback = url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new GitHubIdTokenError(`ACTIONS_ID_TOKEN_REQUEST_URL must be https (got ${url.protocol})`);
  }
  const { statusCode, body } = await get(url, request);
  if (statusCode !== 200) {
    const hint =
      statusCode === 401 || statusCode === 403 ? " (ACTIONS_ID_TOKEN_REQUEST_TOKEN rejected or expired)" : "";
    throw new GitHubIdTokenError(`GitHub ID-token endpoint answered HTTP ${statusCode}${hint}`, statusCode);
  }
  let value: unknown;
  try {
    value = (JSON.parse(body) as { value?: unknown }).value;
  } catch (error) {
    throw new GitHubIdTokenError("GitHub ID-token endpoint answered with something that is not JSON", statusCode, {
      cause: error,
    });
  }
  if (typeof value !== "string" || value.split(".").length !== 3) {
    throw new GitHubIdTokenError("GitHub ID-token endpoint answered without a token in `value`", statusCode);
  }
  return value;
}

function get(url: URL, request: GitHubIdTokenRequest): Promise<{ statusCode: number; body: string }> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(
      url,
      {
        headers: { authorization: `Bearer ${request.requestToken}`, accept: "application/json; api-version=2.0" },
        signal: request.abortSignal,
        timeout: 30_000,
        ...(request.ca === undefined ? {} : { ca: request.ca }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new GitHubIdTokenError("GitHub ID-token endpoint did not answer in 30 s")));
    req.on("error", (error) =>
      reject(
        error instanceof GitHubIdTokenError
          ? error
          : new GitHubIdTokenError(`GitHub ID-token request failed: ${error.message}`, undefined, { cause: error }),
      ),
    );
  });
}
