/** What a secret is replaced with. Short and greppable. */
export const REDACTED = "REDACTED";

// Each pattern keeps its first group (the label) and replaces the secret after it. Order matters: whole JWTs first,
// so a header like `Authorization: Bearer eyJ...` is caught whichever rule sees it.
const patterns: ReadonlyArray<readonly [RegExp, string]> = [
  // JWTs: access tokens, id tokens, GitHub OIDC tokens, client assertions. Three base64url parts; header starts `{"`.
  [/\beyJ[A-Za-z0-9_-]{5,}(?:\.[A-Za-z0-9_-]*){1,2}/g, REDACTED],
  // Authorization / Proxy-Authorization header values, in `name: value`, `name=value` and JSON forms.
  [
    /((?:proxy-)?authorization["']?\s*[:=]\s*["']?(?:(?:bearer|basic|sharedkey|pop)\s+)?)(?!REDACTED|(?:bearer|basic|sharedkey|pop)\b)[^\s"',}]+/gi,
    `$1${REDACTED}`,
  ],
  [/(\bbearer\s+)(?!REDACTED)[A-Za-z0-9\-._~+/]+=*/gi, `$1${REDACTED}`],
  // OAuth form fields (token requests): client_secret=, client_assertion=, password=, tokens.
  [
    /(\b(?:client_secret|client_assertion|assertion|password|refresh_token|access_token|id_token)=)[^&\s"']+/gi,
    `$1${REDACTED}`,
  ],
  // Connection strings and SAS: AccountKey=...; SharedAccessKey=...; sig=...
  [/(\b(?:AccountKey|SharedAccessKey|SharedAccessSignature|sig)=)[^;&\s"']+/gi, `$1${REDACTED}`],
  // JSON fields that are always secret.
  [
    /("(?:access_token|refresh_token|id_token|client_secret|clientSecret|client_assertion|password|primaryKey|secondaryKey|primaryMasterKey|secondaryMasterKey|accountKey|sharedKey|connectionString|primaryConnectionString|secondaryConnectionString|sasToken)"\s*:\s*")[^"]*(")/g,
    `$1${REDACTED}$2`,
  ],
  // listKeys answers `{"keyName":"key1","value":"<88 chars of base64>"}`: a long base64 `value` is a key.
  [/("value"\s*:\s*")[A-Za-z0-9+/]{40,}={0,2}(")/g, `$1${REDACTED}$2`],
];

/** Replaces known secret shapes and registered secret values in text meant for a terminal or a log. */
export class Redactor {
  readonly #secrets = new Set<string>();

  /**
   * Redacts this exact value from now on (a client secret read from the environment, a key just fetched).
   * Values shorter than 6 characters are ignored: redacting them would garble ordinary text.
   */
  register(value: string | undefined): void {
    if (value && value.length >= 6) this.#secrets.add(value);
  }

  redact(text: string): string {
    let result = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      result = result.split(secret).join(REDACTED);
    }
    for (const [pattern, replacement] of patterns) result = result.replace(pattern, replacement);
    return result;
  }
}

/** The process-wide redactor behind every writer, logger and the Azure SDK log output of `runCommand`. */
export const defaultRedactor = new Redactor();

export function redact(text: string): string {
  return defaultRedactor.redact(text);
}

export function registerSecret(value: string | undefined): void {
  defaultRedactor.register(value);
}
