import type { EmulatorConfig } from "../arm/contract.ts";
import type { ActiveFault, FaultRule } from "../control/fault-injector.ts";
import type { RequestLogEntry } from "../control/request-log.ts";
import type { SeedInput, StateSnapshot } from "../state/emulator-state.ts";

export class AdminRequestError extends Error {
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.status = status;
    this.name = "AdminRequestError";
  }
}

/** Deep partial, for `PUT /_emulator/config`. */
export type ConfigPatch = {
  [K in keyof EmulatorConfig]?: EmulatorConfig[K] extends object ? Partial<EmulatorConfig[K]> : EmulatorConfig[K];
};

/** Typed client for `/_emulator/*` (over the loopback http listener, so it needs no CA trust). */
export class AdminClient {
  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async #call(method: string, path: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${this.baseUrl}/_emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok)
      throw new AdminRequestError(`${method} /_emulator/${path} -> ${res.status}: ${await res.text()}`, res.status);
    return res;
  }

  async state(): Promise<StateSnapshot> {
    return (await (await this.#call("GET", "state")).json()) as StateSnapshot;
  }
  async reset(): Promise<void> {
    await this.#call("POST", "reset");
  }
  async seed(seed: SeedInput): Promise<void> {
    await this.#call("POST", "seed", seed);
  }
  async config(patch: ConfigPatch): Promise<EmulatorConfig> {
    return (await (await this.#call("PUT", "config", patch)).json()) as EmulatorConfig;
  }
  async addFault(rule: FaultRule): Promise<void> {
    await this.#call("POST", "faults", rule);
  }
  /** The faults in force, each with how many requests it has hit so far. */
  async faults(): Promise<ActiveFault[]> {
    return ((await (await this.#call("GET", "faults")).json()) as { value: ActiveFault[] }).value;
  }
  async clearFaults(): Promise<void> {
    await this.#call("DELETE", "faults");
  }
  async requests(): Promise<RequestLogEntry[]> {
    const text = await (await this.#call("GET", "requests")).text();
    return text
      .split("\n")
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as RequestLogEntry);
  }
  async clearRequests(): Promise<void> {
    await this.#call("DELETE", "requests");
  }
}
