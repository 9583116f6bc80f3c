import { validateEnvironment } from "@infra/environments";
import type { PlanChange } from "@infra/plan";
import { describe, expect, it } from "vitest";
import { protectionOf } from "../src/protection.ts";
import { change, plan } from "./plan-fixtures.ts";

const environment = (isProtected: boolean) =>
  validateEnvironment({ name: "test", location: "westeurope", namingPrefix: "ts", protected: isProtected }, "test", []);
const marked = (entry: PlanChange): PlanChange => ({ ...entry, protected: true });

describe("protectionOf: the file or Azure", () => {
  it.each<{ label: string; file: boolean; changes: PlanChange[]; expected: boolean; reason: RegExp }>([
    { label: "neither", file: false, changes: [change("t", "a", "create")], expected: false, reason: /neither/ },
    {
      label: "the file only",
      file: true,
      changes: [change("t", "a", "create")],
      expected: true,
      reason: /file says so/,
    },
    {
      label: "Azure only: a file that claims the name without the protection",
      file: false,
      changes: [marked(change("t", "a", "delete"))],
      expected: true,
      reason: /1 of its resources in Azure are marked protected/,
    },
    {
      label: "Azure only, through a resource the plan leaves as it is",
      file: false,
      changes: [change("t", "new", "create"), marked(change("t", "group", "no-op"))],
      expected: true,
      reason: /marked protected/,
    },
    {
      label: "both",
      file: true,
      changes: [marked(change("t", "a", "update"))],
      expected: true,
      reason: /file and 1 of its resources/,
    },
  ])("$label", ({ file, changes, expected, reason }) => {
    const decided = protectionOf(environment(file), plan("t", changes));
    expect(decided.protected).toBe(expected);
    expect(decided.reason).toMatch(reason);
  });
});
