import type { Queryable } from "../../store/index.js";

/** A partner's verdict on one outbound document, matched to the delivery that carried it. */
export interface FunctionalAck {
  readonly deliveryId: number;
  readonly accepted: boolean;
  /** What the partner said, for the exception when it rejected the document. */
  readonly detail: string;
}

export type AckedDelivery = {
  readonly id: number;
  readonly status: "acknowledged" | "failed";
  readonly target: string;
  readonly businessKey: string;
  readonly keyVersion: number;
  readonly eventType: string;
  readonly correlationId: string;
};

/**
 * Applies functional acknowledgments (X12 997/999) to deliveries of `target` that wait for one.
 * Only a delivery still waiting changes: a duplicate or late acknowledgment is a no-op, and an
 * acknowledgment naming another target's delivery is ignored (partners cannot touch each other).
 */
export async function applyFunctionalAcks(
  tx: Queryable,
  target: string,
  acks: readonly FunctionalAck[],
): Promise<AckedDelivery[]> {
  if (acks.length === 0) return [];
  return tx.query<AckedDelivery>(
    `UPDATE deliveries d SET
       status = CASE WHEN a.accepted THEN 'acknowledged' ELSE 'failed' END,
       ack_due_at = NULL, settled_at = now(),
       last_error_code = CASE WHEN a.accepted THEN NULL ELSE 'CONCORD_ERR_CONNECTOR_REJECTED' END,
       last_error = CASE WHEN a.accepted THEN NULL ELSE a.detail END
     FROM unnest($2::bigint[], $3::boolean[], $4::text[]) AS a(id, accepted, detail), events e
     WHERE d.id = a.id AND d.target = $1 AND d.status = 'delivered' AND d.ack_due_at IS NOT NULL
       AND e.id = d.event_id
     RETURNING d.id, d.status, d.target, d.business_key AS "businessKey", d.key_version AS "keyVersion",
       e.event_type AS "eventType", e.correlation_id AS "correlationId"`,
    [target, acks.map((a) => a.deliveryId), acks.map((a) => a.accepted), acks.map((a) => a.detail)],
  );
}

/**
 * Deliveries whose acknowledgment is overdue: they stop waiting (ack_due_at cleared, still
 * 'delivered', so the price gate stays closed) and are returned for an exception each.
 */
export async function expireAwaitedAcks(tx: Queryable, limit = 100): Promise<AckedDelivery[]> {
  return tx.query<AckedDelivery>(
    `WITH overdue AS (
       SELECT id FROM deliveries
       WHERE status = 'delivered' AND ack_due_at IS NOT NULL AND ack_due_at < now()
       ORDER BY ack_due_at LIMIT $1 FOR UPDATE SKIP LOCKED
     )
     UPDATE deliveries d SET ack_due_at = NULL
     FROM overdue o, events e
     WHERE d.id = o.id AND e.id = d.event_id
     RETURNING d.id, d.status, d.target, d.business_key AS "businessKey", d.key_version AS "keyVersion",
       e.event_type AS "eventType", e.correlation_id AS "correlationId"`,
    [limit],
  );
}
