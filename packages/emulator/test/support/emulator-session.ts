import { request as httpsRequest } from "node:https";
import { ClientSecretCredential } from "@azure/identity";
import { startEmulator } from "../../src/index.ts";
import { SEED } from "../../src/seed/seed-ids.ts";

/** One emulator for a test file, the ops principal's credential, and raw HTTPS access for what the SDKs hide. */
export interface EmulatorSession {
  url: string;
  caPem: string;
  credential: ClientSecretCredential;
  /** Client options every SDK client needs: the emulator as endpoint, its CA as trust. */
  clientOptions: { endpoint: string; tlsOptions: { ca: string } };
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** `GET /_emulator/requests`, parsed. */
  requests(): Promise<{ method: string; path: string; status: number; principal?: string }[]>;
  close(): Promise<void>;
}

export interface SessionOptions {
  lroStyle?: "synchronous" | "location" | "azure-async-operation" | "provisioning-state";
}

export async function openSession(options: SessionOptions = {}): Promise<EmulatorSession> {
  const emulator = await startEmulator(options.lroStyle ? { config: { lro: { style: options.lroStyle } } } : {});
  const url = emulator.url.replace(/\/$/, "");
  const caPem = emulator.caPem;
  const tlsOptions = { ca: caPem };
  const credential = new ClientSecretCredential(SEED.tenantId, SEED.ops.clientId, SEED.ops.secret, {
    authorityHost: url,
    disableInstanceDiscovery: true,
    tlsOptions,
  });

  async function raw(method: string, path: string, body?: unknown, token?: string) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpsRequest(
        new URL(path, url),
        {
          method,
          ca: caPem,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            text += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
  }

  async function request(method: string, path: string, body?: unknown) {
    const token = await credential.getToken("https://management.azure.com/.default");
    const res = await raw(method, path, body, token?.token);
    return { status: res.status, body: res.text.length > 0 ? (JSON.parse(res.text) as unknown) : undefined };
  }

  return {
    url,
    caPem,
    credential,
    clientOptions: { endpoint: url, tlsOptions },
    request,
    async requests() {
      return [...(await emulator.admin.requests())];
    },
    close: () => emulator.close(),
  };
}
