/** A row as the drivers return it after our type parsers (int8 → number, numeric/date → string). */
export type Row = Record<string, unknown>;

/** Anything SQL can be sent to: the store itself or an open transaction. */
export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/**
 * The one store interface. Two implementations share one SQL dialect (PostgreSQL's):
 * embedded PGlite (pglite-store.ts) and server PostgreSQL (postgres-store.ts). The store contract
 * suite (store.contract.test.ts) runs against both.
 */
export interface Store extends Queryable {
  readonly dialect: "pglite" | "postgres";
  /** Runs fn in one transaction: committed when fn resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Wakes every process listening on `topic` (PostgreSQL NOTIFY, scoped to the store's schema so
   * tenants and tests sharing a server never wake each other). Best effort: a lost wake-up costs
   * one poll interval, never data.
   */
  notify(topic: WakeTopic): Promise<void>;
  /** Calls `onWake` for each notify on `topic`, from any process; resolves to a stop function. */
  listen(topic: WakeTopic, onWake: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * What a process may be woken for: `outbox`, any new work (deliveries, timers, invoices to match);
 * `deliveries`, new deliveries only (the contract intake's: it wakes only dispatchers, so the
 * busiest writer does not also send every timer and invoice runner into an empty claim).
 */
export type WakeTopic = "outbox" | "deliveries";
