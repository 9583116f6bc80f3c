// Run by the turbo pass-through test: reports which credential variables reached a turbo task.
// Values of secrets are never printed, only whether they arrived and a short non-reversible fingerprint.
import { createHash } from "node:crypto";

const names = [
  "AZURE_CLIENT_ID",
  "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  "ACTIONS_ID_TOKEN_REQUEST_URL",
  "NODE_EXTRA_CA_CERTS",
];
const seen = Object.fromEntries(
  names.map((name) => {
    const value = process.env[name];
    return [name, value === undefined ? null : createHash("sha256").update(value).digest("hex").slice(0, 12)];
  }),
);
process.stdout.write(`probe-env ${JSON.stringify(seen)}\n`);
