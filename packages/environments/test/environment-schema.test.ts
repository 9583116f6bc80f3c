import { ConfigError } from "@infra/cli";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { environmentSchemaFor } from "../src/environment-schema.ts";
import { defineSection } from "../src/environment-section.ts";
import { looseObject } from "../src/loose-reading.ts";
import { validateEnvironment } from "../src/validate-environment.ts";

// A section as a task declares one: a key, a schema with a default, a check that spans fields.
const widgets = defineSection({
  key: "widgets",
  schema: z.strictObject({ names: z.array(z.string()).default([]) }).default({ names: [] }),
  crossReferences(environment, report) {
    const names = looseObject(environment.widgets).names;
    (Array.isArray(names) ? names : []).forEach((name, index) => {
      if (typeof name === "string" && !name.startsWith(String(environment.namingPrefix))) {
        report(["widgets", "names", index], `"${name}" must start with the naming prefix`);
      }
    });
  },
});
const base = { name: "test", location: "westeurope", namingPrefix: "tst" };
const problemsOf = (data: unknown, options = {}) => {
  try {
    validateEnvironment(data, "env.json", [widgets], options);
    return [];
  } catch (error) {
    return (error as ConfigError).problems.map((problem) => `${problem.path}: ${problem.message}`);
  }
};

describe("environmentSchemaFor: the base fields and the sections it is given", () => {
  it("applies a section's default and reads it back typed through the section", () => {
    const environment = validateEnvironment(base, "env.json", [widgets]);
    expect(widgets.of(environment)).toEqual({ names: [] });
    expect(environment.protected).toBe(false);
  });

  it("runs the section's cross-reference check", () => {
    expect(problemsOf({ ...base, widgets: { names: ["tstok", "other"] } })).toEqual([
      'env.json: widgets.names[1]: "other" must start with the naming prefix',
    ]);
  });

  it("refuses a key that no section declares, and keeps it only when asked to", () => {
    expect(problemsOf({ ...base, gadgets: {} })).toEqual([
      'env.json: (top level): unknown key "gadgets"; remove it or check its spelling',
    ]);
    expect(problemsOf({ ...base, gadgets: {} }, { otherKeys: "kept" })).toEqual([]);
  });

  it("refuses a section whose key another part already has", () => {
    expect(() => environmentSchemaFor([widgets, widgets])).toThrow(/two parts of the environment are named "widgets"/);
    expect(() => environmentSchemaFor([{ ...widgets, key: "location" }])).toThrow(/"location"/);
  });

  it("says when a section is read from an environment validated without it", () => {
    expect(() => widgets.of(validateEnvironment(base, "env.json", []))).toThrow(/without its "widgets" section/);
  });
});

it("reports base problems without any section", () => {
  expect(() => validateEnvironment({ ...base, location: "atlantis" }, "env.json", [])).toThrow(ConfigError);
});
