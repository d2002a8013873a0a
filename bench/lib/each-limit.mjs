// Bounded concurrency for the bench's many small jobs (key generation, containers, log reads).

// Calls `fn` on every item, at most `limit` at a time; resolves to the results in order.
export async function eachLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i], i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
