import { Errors } from "../errors/index.js";

/** Both sides of one key: either may be absent (missing or extra). */
export interface Joined<C, S> {
  readonly key: string;
  readonly canonical?: C;
  readonly system?: S;
}

/** Plain code-unit order: what the exports and the store's `COLLATE "C"` order agree on. */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Merge-joins two streams sorted by key, holding one element of each side at a time. A side that
 * is not strictly ascending would make the join silently wrong, so it stops the join instead.
 *
 * @example for await (const j of mergeJoin(canonicalRows, systemRows, (r) => r.key, (r) => r.key, "erp")) …
 */
export async function* mergeJoin<C, S>(
  canonical: AsyncIterable<C>,
  system: AsyncIterable<S>,
  canonicalKey: (c: C) => string,
  systemKey: (s: S) => string,
  systemName: string,
): AsyncGenerator<Joined<C, S>> {
  const left = ordered(canonical[Symbol.asyncIterator](), canonicalKey, "Concord's canonical records");
  const right = ordered(system[Symbol.asyncIterator](), systemKey, `${systemName}'s export`);
  let l = await left.next();
  let r = await right.next();
  while (l !== undefined || r !== undefined) {
    const order = l === undefined ? 1 : r === undefined ? -1 : compareKeys(l.key, r.key);
    if (order < 0) {
      yield { key: l!.key, canonical: l!.value };
      l = await left.next();
    } else if (order > 0) {
      yield { key: r!.key, system: r!.value };
      r = await right.next();
    } else {
      yield { key: l!.key, canonical: l!.value, system: r!.value };
      l = await left.next();
      r = await right.next();
    }
  }
}

function ordered<T>(it: AsyncIterator<T>, keyOf: (t: T) => string, side: string) {
  let last: string | undefined;
  return {
    async next(): Promise<{ key: string; value: T } | undefined> {
      const n = await it.next();
      if (n.done) return undefined;
      const key = keyOf(n.value);
      if (last !== undefined && compareKeys(key, last) <= 0) {
        throw Errors.ReconcileExport(
          `${side} is not in ascending key order: "${key}" came after "${last}"${key === last ? " (a duplicate key)" : ""}`,
          { key, previous: last },
        );
      }
      last = key;
      return { key, value: n.value };
    },
  };
}
