import type { Emulator } from "@infra/emulator";

export type LoggedRequest = Awaited<ReturnType<Emulator["admin"]["requests"]>>[number];

const READ_METHODS = new Set(["GET", "HEAD"]);
/** ARM's roots; everything else the emulator serves is an identity endpoint (token, OIDC, managed identity). */
const ARM_PATH = /^\/(subscriptions|providers|tenants)(\/|\?|$)/i;

/** ARM requests that write: anything but GET/HEAD, less the POST ARM authorizes as a read (name availability). */
export function writesIn(entries: readonly LoggedRequest[]): LoggedRequest[] {
  return entries.filter(
    (entry) =>
      ARM_PATH.test(entry.path) && !READ_METHODS.has(entry.method) && !/\/checkNameAvailability\?/i.test(entry.path),
  );
}

/** Writes ARM accepted (2xx): what actually changed something. */
export function acceptedWritesIn(entries: readonly LoggedRequest[]): LoggedRequest[] {
  return writesIn(entries).filter((entry) => entry.status >= 200 && entry.status < 300);
}
