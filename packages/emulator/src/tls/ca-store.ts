import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type CertificateAuthority, createCertificateAuthority } from "./certificate-authority.ts";

/** Environment variable naming a directory holding `ca.pem` + `ca-key.pem` that every emulator in the process tree reuses. */
export const CA_DIR_ENV = "INFRA_EMULATOR_CA_DIR";

/** Loads the CA from `dir`, creating it (atomically, so concurrent starters agree) when absent. */
export function loadOrCreateCertificateAuthority(dir: string): CertificateAuthority & { certPath: string } {
  const certPath = join(dir, "ca.pem");
  const keyPath = join(dir, "ca-key.pem");
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    mkdirSync(dir, { recursive: true });
    const ca = createCertificateAuthority();
    const suffix = `.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(keyPath + suffix, ca.keyPem, { mode: 0o600 });
    writeFileSync(certPath + suffix, ca.certPem);
    // Key first: a reader that sees ca.pem must also find its key.
    renameSync(keyPath + suffix, keyPath);
    renameSync(certPath + suffix, certPath);
  }
  return { certPem: readFileSync(certPath, "utf8"), keyPem: readFileSync(keyPath, "utf8"), certPath };
}
