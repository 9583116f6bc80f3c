import { parseDuration } from "@infra/cli";
import { z } from "zod";
import { AZURE_REGIONS, canonicalRegion } from "./azure-regions.ts";

/** A value shown inside an error message: short, and quoted when it is a string. */
export function shown(value: unknown): string {
  let text: string | undefined;
  try {
    text = typeof value === "string" ? `"${value}"` : JSON.stringify(value);
  } catch {
    // BigInts and cycles (a .ts environment file can hold either) have no JSON form; the message must still be made.
    text = typeof value === "bigint" ? `${value}n` : `(a ${typeof value} that cannot be shown as JSON)`;
  }
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export const guid = (what: string) =>
  z
    .string({ error: `must be a ${what} GUID string` })
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
      error: (issue) => `${shown(issue.input)} must be a ${what} GUID like 00000000-0000-0000-0000-000000000000`,
    });

export const region = z
  .string({ error: "must be an Azure region name such as westeurope" })
  .transform(canonicalRegion)
  .refine((name) => (AZURE_REGIONS as readonly string[]).includes(name), {
    error: (issue) => `${shown(issue.input)} is not an Azure region; use a name like westeurope or eastus2`,
  });

// ARM's tag limits: 50 tags per resource, names up to 512 characters, values up to 256, and no < > % & \ ? / in names.
export const tags = z
  .record(
    z
      .string()
      .max(512, { error: "tag names may have at most 512 characters" })
      .regex(/^[^<>%&\\?/]+$/, { error: (issue) => `tag name ${shown(issue.input)} may not contain < > % & \\ ? /` }),
    z.string({ error: "tag values must be strings" }).max(256, { error: "tag values may have at most 256 characters" }),
  )
  .refine((map) => Object.keys(map).length <= 50, {
    error: (issue) => `has ${Object.keys(issue.input as object).length} tags; Azure allows at most 50 per resource`,
  });

export const resourceGroupName = z
  .string({ error: "must be a resource group name" })
  .regex(/^[-\w._()]{1,89}[-\w_()]$/, {
    error: (issue) =>
      `${shown(issue.input)} must be 1-90 letters, digits, '-', '_', '.', '(' or ')' and may not end with '.'`,
  });

/** A duration as people write one (`90s`, `45m`, `2h`, `1h30m`). */
export const duration = z
  .string({ error: "must be a duration such as 45m or 2h" })
  .refine((text) => parseDuration(text) !== undefined, {
    error: (issue) => `${shown(issue.input)} is not a duration; write it like 90s, 45m, 2h or 1h30m`,
  });
