import { ArmError } from "../arm/contract.ts";

/** ARM tag limits: 50 tags, names up to 512 characters, values up to 256; no `<>%&\?/` in names. */
export function validateTags(tags: unknown): Record<string, string> | undefined {
  if (tags === undefined || tags === null) return undefined;
  if (typeof tags !== "object" || Array.isArray(tags)) {
    throw new ArmError(400, "InvalidRequestContent", "The request content was invalid: 'tags' must be an object.");
  }
  const entries = Object.entries(tags as Record<string, unknown>);
  if (entries.length > 50) {
    throw new ArmError(
      400,
      "InvalidTagsCount",
      `The number of tags ${entries.length} exceeds the maximum of 50 allowed.`,
    );
  }
  for (const [name, value] of entries) {
    if (name.length > 512) {
      throw new ArmError(
        400,
        "InvalidTagNameLength",
        `The tag name '${name.slice(0, 40)}...' exceeds the maximum length of 512 characters.`,
      );
    }
    if (/[<>%&\\?/]/.test(name)) {
      throw new ArmError(
        400,
        "InvalidTagNameCharacters",
        `The tag names '${name}' have reserved characters '<,>,%,&,\\,?,/' or control characters.`,
      );
    }
    if (typeof value !== "string") {
      throw new ArmError(400, "InvalidRequestContent", `The value of tag '${name}' must be a string.`);
    }
    if (value.length > 256) {
      throw new ArmError(
        400,
        "InvalidTagValueLength",
        `The tag value '${value.slice(0, 40)}...' exceeds the maximum length of 256 characters.`,
      );
    }
  }
  return Object.fromEntries(entries) as Record<string, string>;
}
