/**
 * `items.map(work)` with at most `limit` calls running at once, results in input order. Per-resource reads use it so
 * a big estate neither runs one request at a time nor opens thousands of sockets. The first rejection rejects the
 * whole map and stops handing out new items (collectors turn expected read failures into data before that).
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`mapConcurrent: limit must be >= 1, got ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
