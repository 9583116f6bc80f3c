/**
 * ARM serves many lists from caches that catch up with writes later: a resource created a moment ago is missing from
 * the list while a GET of its id already finds it. Hides from a `{ value: [...] }` body every item whose id was
 * created less than `lagMs` ago; `hidden` counts them (0 when the body is not a list).
 */
export function withoutRecentlyCreated(
  body: unknown,
  createdAt: (id: string) => number | undefined,
  lagMs: number,
  now: number,
): { body: unknown; hidden: number } {
  if (lagMs <= 0 || typeof body !== "object" || body === null) return { body, hidden: 0 };
  const value = (body as { value?: unknown }).value;
  if (!Array.isArray(value)) return { body, hidden: 0 };
  const kept = value.filter((item: unknown) => {
    const id = typeof item === "object" && item !== null ? (item as { id?: unknown }).id : undefined;
    const created = typeof id === "string" ? createdAt(id) : undefined;
    return created === undefined || now - created >= lagMs;
  });
  return { body: { ...body, value: kept }, hidden: value.length - kept.length };
}
