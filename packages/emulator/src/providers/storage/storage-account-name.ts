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
