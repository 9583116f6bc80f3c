import { describe, expect, it } from "vitest";
import { ownershipFromNote, ownershipNote } from "../src/ownership-note.ts";

describe("ownership notes", () => {
  it("round-trips the three ownership facts", () => {
    const note = ownershipNote("dev", "resource-groups");
    expect(note).toBe("managed-by=azure-infra-ops;environment=dev;task=resource-groups");
    expect(ownershipFromNote(note)).toEqual({
      managedBy: "azure-infra-ops",
      environment: "dev",
      task: "resource-groups",
    });
  });

  it.each([null, undefined, "", "Do not delete: ask the data team", "managed-by=azure-infra-ops;environment=dev"])(
    "reads %j as not ours",
    (note) => {
      expect(ownershipFromNote(note)).toBeUndefined();
    },
  );
});
