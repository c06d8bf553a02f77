import type { Queryable, Store } from "../store/index.js";

/**
 * Runs several reads against one snapshot. A view assembled from many queries (a trace, an event
 * with its deliveries, a purchase order's documents) read under READ COMMITTED can mix states: a
 * delivery already acknowledged beside its contract version not yet released, although both
 * changed in one transaction. REPEATABLE READ makes every query see the same commit point.
 *
 * @example const trace = await readSnapshot(store, (tx) => readTrace(tx, id));
 */
export function readSnapshot<T>(store: Store, read: (tx: Queryable) => Promise<T>): Promise<T> {
  return store.transaction(async (tx) => {
    await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    return read(tx);
  });
}
