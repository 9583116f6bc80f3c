import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createSigningKey, type SigningKey, signingKeyFromPem } from "../identity/signing-keys.ts";
import { writeFileAtomic } from "../state/state-persistence.ts";

/** Loads the Entra and GitHub signing keys from `dir/signing-keys.json`, creating them once (RSA-2048 costs ~150 ms each). */
export async function loadOrCreateSigningKeys(
  dir: string | undefined,
): Promise<{ entra: SigningKey; github: SigningKey }> {
  const file = dir === undefined ? undefined : join(dir, "signing-keys.json");
  if (file && existsSync(file)) {
    const pems = JSON.parse(readFileSync(file, "utf8")) as { entra: string; github: string };
    return { entra: await signingKeyFromPem(pems.entra), github: await signingKeyFromPem(pems.github) };
  }
  const keys = { entra: await createSigningKey(), github: await createSigningKey() };
  if (file) writeFileAtomic(file, JSON.stringify({ entra: keys.entra.pem, github: keys.github.pem }));
  return keys;
}
