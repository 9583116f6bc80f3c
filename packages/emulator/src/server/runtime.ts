import type { OperationFailure, OperationTracker } from "../arm/long-running.ts";
import type { RouteTable } from "../arm/route-table.ts";
import type { Throttler } from "../arm/throttling.ts";
import type { FaultInjector } from "../control/fault-injector.ts";
import type { RequestLog } from "../control/request-log.ts";
import type { TokenIssuer } from "../identity/token-issuer.ts";
import type { Realism } from "../realism/realism.ts";
import type { EmulatorState } from "../state/emulator-state.ts";

/** Everything a request handler may touch, built once per emulator instance. */
export interface Runtime {
  state: EmulatorState;
  tokens: TokenIssuer;
  throttler: Throttler;
  faults: FaultInjector;
  log: RequestLog;
  operations: OperationTracker;
  realism: Realism;
  routes: RouteTable;
  /** `https://127.0.0.1:PORT` */
  baseUrl: string;
  /** `http://127.0.0.1:PORT` of the managed-identity listener. */
  httpUrl: string;
  /** Secret the App Service endpoint expects in `x-identity-header`. */
  identityHeader: string;
  /** Bearer token the GitHub ID-token endpoint expects (ACTIONS_ID_TOKEN_REQUEST_TOKEN). */
  githubRequestToken: string;
  githubIssuer: string;
  /** Resets state to the default seed. */
  reset(): void;
}

/** Per-request record the request log is written from. */
export interface RequestRecord {
  requestId: string;
  principal?: string;
  fault?: string;
  /** Set by a `failOperation` fault: the operation this request starts ends Failed with this error. */
  failOperation?: OperationFailure;
  /** What realism mode did to this request (a delay it drew, an error it answered), for the request log. */
  realism?: string;
}
