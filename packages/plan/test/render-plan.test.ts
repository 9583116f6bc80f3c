import { describe, expect, it } from "vitest";
import { renderPlanJson } from "../src/render-plan-json.ts";
import { renderPlanText } from "../src/render-plan-text.ts";
import { noOpChange, samplePlan } from "./sample-plan.ts";

describe("renderPlanText", () => {
  it("renders creates, updates with old -> new, deletes, orphans, problems and the summary", () => {
    const plan = samplePlan({
      orphans: [
        {
          address: 'storage.account["stkeep"]',
          kind: "Microsoft.Storage/storageAccounts",
          id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stkeep",
          name: "stkeep",
          task: "storage",
        },
      ],
      problems: [
        {
          code: "unmanaged-conflict",
          address: 'storage.account["stx"]',
          id: "/x",
          message: "/x exists but is not managed by this repo",
        },
      ],
    });
    expect(renderPlanText(plan, { color: false })).toMatchInlineSnapshot(`
      "Plan for environment dev (subscription 00000000-0000-0000-0000-000000000001)

        + create storage.account["stdemo01"]
            location: "westeurope"
            sku.name: "Standard_LRS"
            tags: {"managed-by":"azure-infra-ops","environment":"dev","task":"storage"}
            properties.minimumTlsVersion: "TLS1_2"
            properties.allowSharedKeyAccess: false
            properties.azureFilesIdentityBasedAuthentication.sasToken: REDACTED

        ~ update storage.account["stdemo02"]
            properties.minimumTlsVersion: "TLS1_0" -> "TLS1_2"
            properties.encryption.keyvaultproperties.clientSecret: REDACTED -> REDACTED
            tags.owner: (unset) -> "ops"

        - delete storage.account["stold01"]
            id: /subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/stold01
            with what is under it: 1 container

        # storage.account["stkeep"] left the configuration: kept (--prune deletes it)
            id: /subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stkeep

      Errors (the plan cannot be applied):
        ! storage.account["stx"]: /x exists but is not managed by this repo

      Plan: 1 to create, 1 to update, 1 to delete.
      "
    `);
  });

  it("never says Azure matches the configuration while owned leftovers are kept", () => {
    const orphan = { address: 'storage.account["old"]', kind: "k", id: "/x/old", name: "old", task: "storage" };
    const text = renderPlanText(samplePlan({ changes: [noOpChange], orphans: [orphan] }), { color: false });
    expect(text).not.toContain("Azure matches the configuration");
    expect(text).toContain("No changes to apply. 1 owned resource(s) left the configuration and are kept");
    expect(renderPlanText(samplePlan({ changes: [noOpChange] }), { color: false })).toContain(
      "No changes. Azure matches the configuration.",
    );
  });

  it("lists notes (what was not checked) after the problems, without blocking the summary", () => {
    const notes = [{ address: 'storage.account["stdemo01"]', message: "the name was not checked for availability" }];
    const text = renderPlanText(samplePlan({ notes }), { color: false });
    expect(text).toContain(
      'Notes (not checked before apply; Azure decides):\n  * storage.account["stdemo01"]: the name was not checked for availability\n\nPlan: 1 to create',
    );
    expect(renderPlanText(samplePlan(), { color: false })).not.toContain("Notes");
    expect(renderPlanJson(samplePlan({ notes })).notes).toEqual(notes);
    expect(renderPlanJson(samplePlan()).notes).toEqual([]);
  });

  it.each([
    { label: "nothing at all", changes: [] },
    { label: "only no-ops", changes: [noOpChange] },
  ])("says so when there is $label to do", ({ changes }) => {
    expect(renderPlanText(samplePlan({ changes }), { color: false })).toMatchInlineSnapshot(`
      "Plan for environment dev (subscription 00000000-0000-0000-0000-000000000001)

      No changes. Azure matches the configuration.
      "
    `);
  });

  it.each([
    { color: false, ansi: false },
    { color: true, ansi: true },
  ])("uses ANSI colour only when asked (color: $color)", ({ color, ansi }) => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for the ANSI escape on purpose
    expect(/\u001b\[/.test(renderPlanText(samplePlan(), { color }))).toBe(ansi);
  });

  it.each(["old-secret", "new-secret", "sig=abc"])("never prints the secret %s", (secret) => {
    expect(renderPlanText(samplePlan(), { color: false })).not.toContain(secret);
    expect(JSON.stringify(renderPlanJson(samplePlan()))).not.toContain(secret);
  });

  it("never prints the values of a path a kind declares secret", () => {
    const kinds = [{ kind: "Microsoft.Storage/storageAccounts", secretPaths: ["properties.minimumTlsVersion"] }];
    expect(renderPlanText(samplePlan(), { color: false, kinds })).not.toContain("TLS1_0");
  });
});

describe("renderPlanJson", () => {
  it("gives the summary and the redacted changes", () => {
    const json = renderPlanJson(samplePlan());
    expect(json.summary).toEqual({ create: 1, update: 1, delete: 1 });
    expect(json.changes.map((change) => change.action)).toEqual(["no-op", "create", "update", "delete"]);
    expect(json.changes[2]?.diff[1]).toEqual({
      path: "properties.encryption.keyvaultproperties.clientSecret",
      before: "REDACTED",
      after: "REDACTED",
    });
  });
});
