/**
 * The anchor GitHub gives the `## <rule id>` heading `renderRuleDocs` writes: lower case, punctuation other than `-`
 * and `_` dropped, spaces to dashes (`storage.minimum-tls` -> `storageminimum-tls`).
 */
export function ruleDocsAnchor(ruleId: string): string {
  return ruleId
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}
