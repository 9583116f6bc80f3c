import { describe, expect, it } from "vitest";
import { deleteLockVerdict, type ManagementLock } from "../src/delete-lock-verdict.ts";

describe("deleteLockVerdict", () => {
  it.each<{ label: string; locks: ManagementLock[]; status: string; message: string }>([
    { label: "no lock", locks: [], status: "fail", message: "no lock applies" },
    {
      label: "a CanNotDelete lock",
      locks: [{ name: "keep", properties: { level: "CanNotDelete" } }],
      status: "pass",
      message: "a delete lock applies",
    },
    {
      label: "a ReadOnly lock (stricter)",
      locks: [{ name: "frozen", properties: { level: "ReadOnly" } }],
      status: "pass",
      message: "a delete lock applies",
    },
    {
      label: "a lock without a level",
      locks: [{ name: "odd", properties: {} }],
      status: "fail",
      message: "no lock blocks deletion",
    },
    {
      label: "a level in other casing (ARM's enum is exact)",
      locks: [{ name: "lower", properties: { level: "cannotdelete" } }],
      status: "fail",
      message: "no lock blocks deletion",
    },
    {
      label: "one blocking lock among others",
      locks: [
        { name: "odd", properties: {} },
        { name: "keep", properties: { level: "CanNotDelete" } },
      ],
      status: "pass",
      message: "a delete lock applies",
    },
  ])("$label: $status", ({ locks, status, message }) => {
    const result = deleteLockVerdict(locks);
    expect(result.status).toBe(status);
    expect(result.message).toBe(message);
    // Every lock is evidence, with its path and actual level, whatever the verdict.
    expect(result.evidence.map((item) => item.path)).toEqual(
      locks.map((lock) => `locks.${String(lock.name)}.properties.level`),
    );
  });
});
