import { GroupCommit } from "../src/events/index.js";
import { openStore, type Store } from "../src/store/index.js";

/**
 * The least a durable hub could write on the embedded store, for the "floor" scenarios. Group
 * commit on both sides, one statement per batch, no secondary index but the message-id key, and
 * nothing else the hub does (audit chain, ownership, cross-references read from the store,
 * contract versions, activation plans, attempt history, per-key ordering, leases), so each rate
 * bounds what a hub of that shape can reach on PGlite.
 * - `spine`: the outbox as the architecture draws it. Per amendment its raw message (unique by
 *   id), one event holding the mapped payload and one delivery row per target, in one transaction
 *   before sending; then each delivery marked settled as its target answers. 8 row operations.
 * - `minimal`: one row per amendment holding the raw message, written before sending, and one
 *   update once every target answered (delivery state per amendment, not per target: after a
 *   crash every target of an unfinished amendment is sent it again, and their idempotency keys
 *   make that harmless). 2 row operations: no durable design writes less.
 */
export type FloorShape = "spine" | "minimal";

export interface DurableFloor {
  /** Durably records the amendment; resolves to its delivery ids, one per target in order (`minimal`: its row id for each). */
  accept(a: {
    messageId: string;
    raw: string;
    businessKey: string;
    keyVersion: number;
    payload: unknown;
  }): Promise<number[]>;
  settle(deliveryId: number): Promise<void>;
  close(): Promise<void>;
}

const SCHEMA = [
  `CREATE TABLE floor_inbound (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, message_id text NOT NULL UNIQUE,
    body text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE floor_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, business_key text NOT NULL,
    key_version int NOT NULL, payload json NOT NULL)`,
  `CREATE TABLE floor_deliveries (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id bigint NOT NULL,
    target text NOT NULL, status text NOT NULL DEFAULT 'in_flight', settled_at timestamptz)`,
  `CREATE TABLE floor_amendments (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, message_id text NOT NULL UNIQUE,
    body text NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), settled_at timestamptz)`,
];

export async function openDurableFloor(
  storeUrl: string,
  targets: readonly string[],
  shape: FloorShape,
): Promise<DurableFloor> {
  const store: Store = await openStore(storeUrl);
  for (const ddl of SCHEMA) await store.query(ddl);
  return shape === "spine" ? spineFloor(store, targets) : minimalFloor(store, targets.length);
}

function spineFloor(store: Store, targets: readonly string[]): DurableFloor {
  const intake = new GroupCommit<Parameters<DurableFloor["accept"]>[0], number[]>((batch) =>
    store.transaction(async (tx) => {
      const rows = await tx.query<{ n: number; delivery_id: number }>(
        `WITH given AS (
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::json[])
             WITH ORDINALITY AS g(message_id, body, business_key, key_version, payload, n)
         ), inbound AS (
           INSERT INTO floor_inbound (message_id, body) SELECT message_id, body FROM given RETURNING message_id
         ), event AS (
           INSERT INTO floor_events (business_key, key_version, payload)
           SELECT business_key, key_version, payload FROM given ORDER BY n RETURNING id, business_key, key_version
         ), delivery AS (
           INSERT INTO floor_deliveries (event_id, target)
           SELECT e.id, t.target FROM event e, unnest($6::text[]) WITH ORDINALITY AS t(target, k) ORDER BY e.id, t.k
           RETURNING id, event_id
         )
         SELECT g.n, d.id AS delivery_id FROM given g
           JOIN event e ON e.business_key = g.business_key AND e.key_version = g.key_version
           JOIN delivery d ON d.event_id = e.id
           JOIN inbound i ON i.message_id = g.message_id
         ORDER BY g.n, d.id`,
        [
          batch.map((a) => a.messageId),
          batch.map((a) => a.raw),
          batch.map((a) => a.businessKey),
          batch.map((a) => a.keyVersion),
          batch.map((a) => JSON.stringify(a.payload)),
          targets,
        ],
      );
      const ids: number[][] = batch.map(() => []);
      for (const r of rows) ids[Number(r.n) - 1]!.push(Number(r.delivery_id));
      return ids;
    }),
  );
  const settler = new GroupCommit<number>(async (ids) => {
    await store.query(
      "UPDATE floor_deliveries SET status = 'acknowledged', settled_at = now() WHERE id = ANY($1::bigint[])",
      [ids],
    );
    return undefined;
  });
  return floorOf(store, intake, settler);
}

function minimalFloor(store: Store, targets: number): DurableFloor {
  const intake = new GroupCommit<Parameters<DurableFloor["accept"]>[0], number[]>(async (batch) => {
    const rows = await store.query<{ id: number }>(
      `INSERT INTO floor_amendments (message_id, body)
       SELECT message_id, body FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS g(message_id, body, n) ORDER BY n
       RETURNING id`,
      [batch.map((a) => a.messageId), batch.map((a) => a.raw)],
    );
    return rows.map((r) => Array<number>(targets).fill(Number(r.id)));
  });
  const settler = new GroupCommit<number>(async (ids) => {
    await store.query("UPDATE floor_amendments SET settled_at = now() WHERE id = ANY($1::bigint[])", [ids]);
    return undefined;
  });
  // An amendment is settled once, when the last of its targets answered.
  const answered = new Map<number, number>();
  return floorOf(store, intake, {
    add(id: number) {
      const n = (answered.get(id) ?? 0) + 1;
      if (n < targets) {
        answered.set(id, n);
        return Promise.resolve();
      }
      answered.delete(id);
      return settler.add(id);
    },
    drain: () => settler.drain(),
  });
}

function floorOf(
  store: Store,
  intake: GroupCommit<Parameters<DurableFloor["accept"]>[0], number[]>,
  settler: { add(id: number): Promise<void>; drain(): Promise<void> },
): DurableFloor {
  return {
    accept: (a) => intake.add(a),
    settle: (id) => settler.add(id),
    async close() {
      await intake.drain();
      await settler.drain();
      await store.close();
    },
  };
}
