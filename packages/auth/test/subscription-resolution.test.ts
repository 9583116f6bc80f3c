import { ConfigError } from "@infra/cli";
import { describe, expect, it, vi } from "vitest";
import { resolveSubscription, type VisibleSubscription } from "../src/subscription-resolution.ts";

const a = "11111111-0000-4000-8000-000000000001";
const b = "22222222-0000-4000-8000-000000000002";
const c = "33333333-0000-4000-8000-000000000003";
const visible = (...subs: [string, string][]): VisibleSubscription[] =>
  subs.map(([subscriptionId, state]) => ({ subscriptionId, displayName: `name-${subscriptionId.slice(0, 2)}`, state }));

describe("resolveSubscription", () => {
  it.each([
    ["the environment first", { fromEnvironment: a, env: { AZURE_SUBSCRIPTION_ID: b }, cli: c }, a, "environment"],
    ["then AZURE_SUBSCRIPTION_ID", { env: { AZURE_SUBSCRIPTION_ID: b }, cli: c }, b, "AZURE_SUBSCRIPTION_ID"],
    ["then the CLI default", { env: {}, cli: c }, c, "Azure CLI default"],
    ["then the only enabled one", { env: {}, cli: undefined }, a, "only enabled subscription"],
  ] as const)("%s", async (_, input, expected, source) => {
    const listVisible = vi.fn(async () => visible([a, "Enabled"], [b, "Disabled"]));
    const result = await resolveSubscription({
      ...input,
      cliDefault: async () => input.cli,
      listVisible,
    });
    expect(result).toEqual({ subscriptionId: expected, source });
    expect(listVisible).toHaveBeenCalledTimes(source === "only enabled subscription" ? 1 : 0);
  });

  it("lists what is visible when it cannot choose", async () => {
    const error = await resolveSubscription({
      env: {},
      listVisible: async () => visible([a, "Enabled"], [b, "Enabled"]),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/2 enabled subscriptions are visible/);
    expect((error as ConfigError).problems).toEqual([
      { path: a, message: "name-11 (Enabled)" },
      { path: b, message: "name-22 (Enabled)" },
    ]);
  });

  it("says when nothing is visible", async () => {
    await expect(resolveSubscription({ env: {}, listVisible: async () => [] })).rejects.toThrow(/sees none/);
  });

  it("rejects a name where an id belongs", async () => {
    await expect(
      resolveSubscription({ env: { AZURE_SUBSCRIPTION_ID: "acme-prod" }, listVisible: async () => [] }),
    ).rejects.toThrow(ConfigError);
  });
});
