/**
 * Runs `work` over `items`, at most `concurrency` at once, in the items' order of starting; resolves when every
 * item is done and rejects with the first error (items already started still finish, no new ones start).
 * @example
 * await eachLimited(kinds, 8, async (kind) => { lists[kind] = await list(kind); });
 */
export async function eachLimited<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        await work(items[i] as T, i);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
