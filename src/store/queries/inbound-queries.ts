import type { Queryable } from "../store.js";

export interface InboundRecord {
  readonly system: string;
  readonly messageType: string;
  readonly messageId: string;
  readonly correlationId: string;
  readonly contentType: string;
  /** Exactly as received: kept for audit and for replaying a mapping fix. */
  readonly body: string;
  readonly status: "accepted" | "parked" | "rejected";
  readonly outcome: Record<string, unknown>;
}

/** Records an inbound message once per (system, message id); false when it was already there. */
export async function recordInbound(q: Queryable, m: InboundRecord): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO inbound_messages (system, message_type, message_id, correlation_id, content_type, body, status, outcome)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (system, message_id) DO NOTHING RETURNING id`,
    [m.system, m.messageType, m.messageId, m.correlationId, m.contentType, m.body, m.status, JSON.stringify(m.outcome)],
  );
  return rows.length > 0;
}

export async function findInbound(
  q: Queryable,
  system: string,
  messageId: string,
): Promise<{ status: InboundRecord["status"]; outcome: Record<string, unknown>; correlationId: string } | undefined> {
  const [row] = await q.query<{
    status: InboundRecord["status"];
    outcome: Record<string, unknown>;
    correlation_id: string;
  }>("SELECT status, outcome, correlation_id FROM inbound_messages WHERE system = $1 AND message_id = $2", [
    system,
    messageId,
  ]);
  return row && { status: row.status, outcome: row.outcome, correlationId: row.correlation_id };
}
