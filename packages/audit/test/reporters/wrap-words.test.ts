import { describe, expect, it } from "vitest";
import { wrapWords } from "../../src/reporters/wrap-words.ts";

describe("wrapWords", () => {
  it.each([
    ["fits", "short text", 20, ["short text"]],
    ["breaks between words", "minimum TLS is TLS1_0 here", 12, ["minimum TLS", "is TLS1_0", "here"]],
    ["cuts a word longer than the line", "id /subscriptions/abc", 8, ["id", "/subscri", "ptions/a", "bc"]],
    ["collapses whitespace", "a \n  b", 10, ["a b"]],
    ["keeps an empty message one line", "", 10, [""]],
  ])("%s", (_label, text, width, expected) => {
    expect(wrapWords(text, width)).toEqual(expected);
  });
});
