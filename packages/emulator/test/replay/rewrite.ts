/**
 * Rewrites a recording made against real Azure into requests for the emulator, and the recorded answers into what the
 * emulator should answer: host, subscription, tenant, the recorder's name placeholders, regions, and the ids Azure
 * generated (learned from the answers as the replay goes).
 */
export interface RewriteTargets {
  baseUrl: string;
  subscriptionId: string;
  tenantId: string;
  /** Two digits that make this cassette's resource names its own. */
  tag: string;
}

/** The recorders' subscription placeholder and the tenants the recordings were made in. */
const RECORDED_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
const RECORDED_TENANTS = [
  "54826b22-38d6-4fb2-bad9-b7b93a3e9c5a",
  "72f988bf-86f1-41af-91ab-2d7cd011db47",
  "bea21ebe-8b64-4d06-9f6d-6a889b120a7c",
];
const RECORDED_HOST = "https://management.azure.com";
/** Canary regions the recordings used, mapped to the public region the emulator offers in their place. */
const REGIONS: Record<string, string> = { eastus2euap: "eastus2", centraluseuap: "centralus" };

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/**
 * The recorder's placeholders for generated names: a prefix and a zero-padded six-digit counter (`clitest.rg000001`,
 * `containerrm000002`). A token of hex digits and dashes is (part of) an id, not a name.
 */
const MONIKER = /(?<![\w.-])([A-Za-z][\w.-]*?)000(\d{3})(?![\w])/g;

export class Rewriter {
  readonly #targets: RewriteTargets;
  /** Recorded id (lowercase) -> the emulator's. */
  readonly #ids = new Map<string, string>();

  constructor(targets: RewriteTargets) {
    this.#targets = targets;
    this.#ids.set(RECORDED_SUBSCRIPTION, targets.subscriptionId);
    for (const tenant of RECORDED_TENANTS) this.#ids.set(tenant, targets.tenantId);
  }

  text(input: string): string {
    let out = input.split(RECORDED_HOST).join(this.#targets.baseUrl);
    out = out.replace(MONIKER, (token: string, prefix: string, counter: string) =>
      /^[0-9a-f-]+$/i.test(token) ? token : `${prefix}r${this.#targets.tag}${counter.slice(1)}`,
    );
    out = out.replace(GUID_IN_TEXT, (guid) => this.#ids.get(guid.toLowerCase()) ?? guid);
    for (const [from, to] of Object.entries(REGIONS)) out = out.replace(new RegExp(`\\b${from}\\b`, "g"), to);
    return out;
  }

  /** Rewrites every string in a parsed JSON value. */
  value(input: unknown): unknown {
    if (typeof input === "string") return this.text(input);
    if (Array.isArray(input)) return input.map((v) => this.value(v));
    if (typeof input === "object" && input !== null) {
      return Object.fromEntries(Object.entries(input).map(([k, v]) => [this.text(k), this.value(v)]));
    }
    return input;
  }

  /** Whether `id` (already rewritten) is one the replay knows: a target id or one learned from an earlier answer. */
  knows(id: string): boolean {
    const lower = id.toLowerCase();
    return [...this.#ids.values()].some((v) => v.toLowerCase() === lower);
  }

  /** Pairs the ids Azure generated in a recorded answer with the ones the emulator generated at the same place. */
  learn(recorded: unknown, replayed: unknown): void {
    if (typeof recorded === "string" && typeof replayed === "string") {
      if (GUID.test(recorded) && GUID.test(replayed) && !this.#ids.has(recorded.toLowerCase())) {
        this.#ids.set(recorded.toLowerCase(), replayed);
      }
      return;
    }
    if (Array.isArray(recorded) && Array.isArray(replayed)) {
      for (const [i, v] of recorded.entries()) this.learn(v, replayed[i]);
      return;
    }
    if (isObject(recorded) && isObject(replayed)) {
      for (const [k, v] of Object.entries(recorded)) this.learn(v, replayed[k]);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
