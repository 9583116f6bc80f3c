/** Storage account names: 3-24 characters, lowercase letters and digits only; unique across all of Azure. */
const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;

export function isValidAccountName(name: string): boolean {
  return ACCOUNT_NAME.test(name);
}

/** Worded as the Storage resource provider words it (checkNameAvailability and the PUT error share it). */
export function invalidAccountNameMessage(name: string): string {
  return `${name} is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.`;
}

export function accountNameTakenMessage(name: string): string {
  return `The storage account named ${name} is already taken.`;
}

export type NameAvailability =
  | { nameAvailable: true }
  | { nameAvailable: false; reason: "AccountNameInvalid" | "AlreadyExists"; message: string };

/** The body of `POST .../providers/Microsoft.Storage/checkNameAvailability`. */
export function checkAccountName(name: string, taken: boolean): NameAvailability {
  if (!isValidAccountName(name)) {
    return { nameAvailable: false, reason: "AccountNameInvalid", message: invalidAccountNameMessage(name) };
  }
  if (taken) return { nameAvailable: false, reason: "AlreadyExists", message: accountNameTakenMessage(name) };
  return { nameAvailable: true };
}

/**
 * ARM refuses names with a trademarked or reserved word for resources with a public endpoint (Microsoft's page
 * "Resolve errors for reserved resource names"): MICROSOFT and WINDOWS anywhere, LOGIN at the start, and a list of
 * words as the whole name (of which only those a storage name can spell, lowercase letters and digits, matter here).
 * The product checks the same rule before any call (@infra/environments reserved-names.ts); the emulator keeps its own
 * list on purpose: it plays Azure, and one shared list would let a wrong entry pass on both sides.
 */
const RESERVED_WHOLE = new Set([
  "access",
  "azure",
  "bing",
  "bizspark",
  "biztalk",
  "cortana",
  "directx",
  "dotnet",
  "dynamics",
  "excel",
  "exchange",
  "forefront",
  "groove",
  "hololens",
  "hyperv",
  "kinect",
  "lync",
  "msdn",
  "o365",
  "office",
  "office365",
  "onedrive",
  "onenote",
  "outlook",
  "powerpoint",
  "sharepoint",
  "skype",
  "visio",
  "visualstudio",
  "xbox",
]);

export function isReservedName(name: string): boolean {
  const lower = name.toLowerCase();
  return RESERVED_WHOLE.has(lower) || /microsoft|windows/.test(lower) || lower.startsWith("login");
}

export function reservedNameMessage(name: string): string {
  return `The resource name '${name}' or a part of the name is a trademarked or reserved word.`;
}
