import { isAtOrUnder } from "./property-path.ts";

/**
 * Names that hold credentials: `key1`, `primaryKey`, `accountKeys`, `clientSecret`, `sasToken`, `password`,
 * `connectionString`. Matched on the end of a segment so settings about keys (`allowSharedKeyAccess`,
 * `keySource`, `keyExpirationPeriodInDays`) stay visible.
 */
const SECRET_SEGMENT = /(?:key\d*|keys|secret|secrets|password|token|connectionstring|credentials?|sas)$/i;

/** True when the value at this dotted path must never be printed or hashed into a fingerprint. */
export function isSecretPath(path: string, secretPaths: readonly string[] = []): boolean {
  if (secretPaths.some((rule) => isAtOrUnder(path, rule))) return true;
  return path.split(".").some((segment) => SECRET_SEGMENT.test(segment.replace("[]", "")));
}
