import type { ArmContext, ArmResource, ArmResult, ArmRoute, HttpMethod } from "../arm/contract.ts";
import type { OperationTiming, OperationTracker } from "../arm/long-running.ts";
import { idKey, parseResourceId } from "../arm/resource-id.ts";
import type { RequestRecord } from "../server/runtime.ts";
import type { EmulatorState } from "../state/emulator-state.ts";
import { type RealismSettings, resolveRealism } from "./azure-profile.ts";
import { withoutRecentlyCreated } from "./list-lag.ts";
import { checkPrincipalReplicated } from "./principal-replication.ts";
import type { RealismVerdict } from "./realism-verdict.ts";
import { seededBetween } from "./seeded-draw.ts";
import { checkStorageAccountLock } from "./storage-account-lock.ts";

const ROLE_ASSIGNMENT_WRITE = "Microsoft.Authorization/roleAssignments/write";

/**
 * Realism mode (`config.realism`): what real Azure does that a fresh emulator does not — replication and propagation
 * delays, lists that lag, operations that take time and lock their storage account. Every hook is a no-op while the
 * profile is `off`, except that creations are timed always, so switching realism on mid-run sees recent ones as new.
 */
export class Realism {
  readonly #state: EmulatorState;
  readonly #operations: OperationTracker;
  /** Resource id key -> when a PUT created it (ms since epoch), for propagation and list lag. */
  readonly #createdAt = new Map<string, number>();
  /** `METHOD id-key` -> operations started, so a repeated create draws a fresh duration. */
  readonly #started = new Map<string, number>();

  constructor(state: EmulatorState, operations: OperationTracker) {
    this.#state = state;
    this.#operations = operations;
  }

  #settings(): RealismSettings | undefined {
    return resolveRealism(this.#state.config.realism);
  }

  /**
   * Runs the route's handler as real Azure would at this moment: refuses what it would refuse (PrincipalNotFound,
   * StorageAccountOperationInProgress), times what the handler creates, and hides recent creations from lists.
   */
  async handle(ctx: ArmContext, route: ArmRoute, rec: RequestRecord): Promise<ArmResult> {
    this.#operations.settleDue();
    const settings = this.#settings();
    if (settings) this.#apply(this.#check(ctx, route, settings), rec);
    const created = ctx.method === "PUT" && !ctx.store.has(ctx.path);
    const result = await route.handle(ctx);
    if (created && (result.status === 201 || route.longRunning)) return this.#timed(ctx, result);
    if (settings && ctx.method === "GET" && result.status === 200) {
      const now = Date.now();
      const listed = withoutRecentlyCreated(
        result.body,
        (id) => this.#createdAt.get(idKey(id)),
        settings.listLagMs,
        now,
      );
      if (listed.hidden > 0) {
        rec.realism = `list hides ${listed.hidden} resource(s) created less than ${settings.listLagMs} ms ago`;
        return { ...result, body: listed.body };
      }
    }
    return result;
  }

  #check(ctx: ArmContext, route: ArmRoute, settings: RealismSettings): RealismVerdict | undefined {
    const now = Date.now();
    if (settings.storageAccountLock) {
      const locked = checkStorageAccountLock(ctx.method, ctx.path, this.#operations);
      if (locked) return locked;
    }
    if (ctx.method === "PUT" && route.action === ROLE_ASSIGNMENT_WRITE) {
      return checkPrincipalReplicated(ctx, this.#state.principals, settings, now);
    }
    return undefined;
  }

  #apply(verdict: RealismVerdict | undefined, rec: RequestRecord): void {
    if (!verdict) return;
    rec.realism = verdict.note;
    if (verdict.error) throw verdict.error;
  }

  /** Records when the resource appears: now, or when the long-running operation that creates it completes. */
  #timed(ctx: ArmContext, result: ArmResult): ArmResult {
    const key = idKey(ctx.path);
    const record = () => {
      if (ctx.store.has(ctx.path)) this.#createdAt.set(key, Date.now());
    };
    const commit = result.commit;
    if (!commit) {
      record();
      return result;
    }
    return {
      ...result,
      commit: () => {
        commit();
        record();
      },
    };
  }

  /**
   * The role assignments that grant anything yet, as a filter for the access check: undefined (all of them) when
   * realism is off. A new assignment counts after `roleAssignmentPropagationMs`, as ARM's caches catch up.
   */
  assignmentFilter(): ((assignment: ArmResource) => boolean) | undefined {
    const settings = this.#settings();
    if (!settings || settings.roleAssignmentPropagationMs <= 0) return undefined;
    const now = Date.now();
    return (assignment) => {
      const created = this.#createdAt.get(idKey(assignment.id));
      return created === undefined || now - created >= settings.roleAssignmentPropagationMs;
    };
  }

  /**
   * How long the operation a long-running `method` on `path` starts will take: drawn from its type's range with the
   * seed, so the same run draws the same durations. Undefined when realism is off (polls end it, as configured).
   */
  operationTiming(method: HttpMethod, path: string, rec: RequestRecord): OperationTiming | undefined {
    const settings = this.#settings();
    if (!settings) return undefined;
    const type = parseResourceId(path)?.type ?? "";
    const range =
      settings.operations.get(`${method} ${type}`.toLowerCase()) ?? settings.operations.get("*") ?? undefined;
    if (!range) return undefined;
    const key = `${method} ${idKey(path)}`;
    const nth = (this.#started.get(key) ?? 0) + 1;
    this.#started.set(key, nth);
    const durationMs = seededBetween(settings.seed, `${key} #${nth}`, range.minMs, range.maxMs);
    rec.realism = `operation takes ${durationMs} ms`;
    return { durationMs, retryAfterSeconds: range.retryAfterSeconds };
  }

  clear(): void {
    this.#createdAt.clear();
    this.#started.clear();
  }
}
