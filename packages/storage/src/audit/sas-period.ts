/** Parses ARM's TimeSpan form `d.hh:mm:ss` (or `hh:mm:ss`) used by sasPolicy.sasExpirationPeriod, to seconds. */
export function sasPeriodSeconds(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (match === null) return undefined;
  const [, days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
}
