import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CA_DIR_ENV, loadOrCreateCertificateAuthority } from "../tls/ca-store.ts";

/**
 * vitest `globalSetup`: creates (or reuses) the emulator CA before the workers start and exports
 * NODE_EXTRA_CA_CERTS + INFRA_EMULATOR_CA_DIR, so every worker (pool "forks") trusts every emulator it starts.
 * Use: `test: { pool: "forks", globalSetup: ["@infra/emulator/testing"] }`.
 */
export default function setup(): void {
  const dir = process.env[CA_DIR_ENV] ?? join(tmpdir(), `infra-emulator-ca-${process.getuid?.() ?? "user"}`);
  mkdirSync(dir, { recursive: true });
  const ca = loadOrCreateCertificateAuthority(dir);
  process.env[CA_DIR_ENV] = dir;
  process.env.NODE_EXTRA_CA_CERTS = ca.certPath;
}

export { setup };
