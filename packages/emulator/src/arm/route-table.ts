import type { ArmRoute, HttpMethod } from "./contract.ts";

interface CompiledRoute {
  route: ArmRoute;
  /** Lowercase literal, or null for a `{param}` segment (then `names[i]` holds the param name). */
  literals: (string | null)[];
  names: (string | null)[];
}

export interface RouteMatch {
  route: ArmRoute;
  params: Record<string, string>;
}

/**
 * Case-insensitive ARM path matcher. Routes are bucketed by method and segment count; literal segments beat params
 * (a route with more literal segments wins), so `/resourceGroups/{rg}/resources` is not taken for a resource id.
 */
export class RouteTable {
  readonly #buckets = new Map<string, CompiledRoute[]>();

  add(routes: readonly ArmRoute[]): void {
    for (const route of routes) {
      const parts = route.pattern.split("/").filter((s) => s.length > 0);
      const literals = parts.map((p) => (p.startsWith("{") && p.endsWith("}") ? null : p.toLowerCase()));
      const names = parts.map((p) => (p.startsWith("{") && p.endsWith("}") ? p.slice(1, -1) : null));
      const key = `${route.method}:${parts.length}`;
      const bucket = this.#buckets.get(key) ?? [];
      bucket.push({ route, literals, names });
      bucket.sort((a, b) => literalCount(b) - literalCount(a));
      this.#buckets.set(key, bucket);
    }
  }

  match(method: HttpMethod, segments: readonly string[]): RouteMatch | undefined {
    const bucket = this.#buckets.get(`${method}:${segments.length}`);
    if (!bucket) return undefined;
    const lower = segments.map((s) => s.toLowerCase());
    for (const compiled of bucket) {
      let ok = true;
      for (let i = 0; i < lower.length; i++) {
        const literal = compiled.literals[i];
        if (literal !== null && literal !== lower[i]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const params: Record<string, string> = {};
      compiled.names.forEach((name, i) => {
        if (name !== null) params[name] = segments[i] as string;
      });
      return { route: compiled.route, params };
    }
    return undefined;
  }

  /** Whether any method matches this path (to tell 405-ish/unknown type apart from a missing route). */
  matchesAnyMethod(segments: readonly string[]): boolean {
    const methods: HttpMethod[] = ["GET", "PUT", "PATCH", "DELETE", "POST", "HEAD"];
    return methods.some((m) => this.match(m, segments) !== undefined);
  }
}

function literalCount(c: CompiledRoute): number {
  return c.literals.filter((l) => l !== null).length;
}
