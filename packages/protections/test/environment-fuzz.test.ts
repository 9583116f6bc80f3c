// The environment loader never crashes: any input gives an Environment or a ConfigError.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@infra/cli";
import { loadEnvironment, validateEnvironment } from "@infra/environments";
import { taskList } from "@infra/tasks";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suiteEnvironment } from "./support/suite-environment.ts";

const valid = suiteEnvironment("fuzz");
const sections = await taskList.sections();

/** An Environment or a ConfigError (with at least one problem) is fine; anything else is a crash. */
function outcomeOf(input: unknown): "environment" | "config-error" {
  try {
    validateEnvironment(input, "fuzz", sections);
    return "environment";
  } catch (error) {
    if (error instanceof ConfigError && error.problems.length > 0) return "config-error";
    throw error;
  }
}

/** `valid` with the value at one path (an existing key or a new one, at any depth) replaced. */
const mutated = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(...pathKeys(valid)), fc.string({ maxLength: 8 }), fc.nat({ max: 3 })), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
  )
  .map(([path, value]) => setPath(structuredClone(valid), path, value));

function pathKeys(value: unknown): string[] {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [key, ...pathKeys(child)]);
}

function setPath(root: Record<string, unknown>, path: readonly (string | number)[], value: unknown): unknown {
  let node: Record<string | number, unknown> = root;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== "object" || next === null) node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path.at(-1) as string | number] = value;
  return root;
}

describe("fuzzing the environment loader", () => {
  it("the valid base input is an Environment (so mutations start from a passing document)", () => {
    expect(outcomeOf(valid)).toBe("environment");
  });

  it("any value at any path of a valid environment gives an Environment or a ConfigError", () => {
    fc.assert(
      fc.property(mutated, (input) => void outcomeOf(input)),
      { numRuns: 400 },
    );
  });

  // Protection: every error message renders the offending value through `shown` (schema-parts.ts), which must not
  // throw. Checked: with a plain JSON.stringify there, the cyclic value below crashed with a TypeError (found here, fixed).
  it("any value at all (including BigInt, null prototypes, cycles) gives a ConfigError", () => {
    const cyclic: Record<string, unknown> = { ...structuredClone(valid) };
    const storage = cyclic.storage as { accounts: Record<string, unknown>[] };
    (storage.accounts[0] as Record<string, unknown>).sku = cyclic;
    expect(outcomeOf(cyclic)).toBe("config-error");
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withSet: true }), (input) => {
        expect(outcomeOf(input)).toBe("config-error");
      }),
      { numRuns: 300 },
    );
  });

  it("any file text given as --env-file gives an Environment or a ConfigError", async () => {
    const dir = await mkdtemp(join(tmpdir(), "env-fuzz-"));
    const path = join(dir, "environment.json");
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.constant(JSON.stringify(valid)).map((text) => text.slice(0, -3)),
        ),
        async (text) => {
          await writeFile(path, text);
          await loadEnvironment({ envFile: path }, sections).catch((error: unknown) => {
            if (!(error instanceof ConfigError)) throw error;
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
