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

/**
 * Records several inbound messages at once, before they are processed, so a message id is taken
 * by exactly one request even across processes. Returns the keys (system + NUL + message id) this
 * call inserted; the others were already there (duplicates). Status and outcome are set by
 * settleInbound once the messages are decided, in the same transaction.
 */
export async function claimInbound(
  tx: Queryable,
  messages: readonly Omit<InboundRecord, "status" | "outcome">[],
): Promise<Set<string>> {
  if (messages.length === 0) return new Set();
  const rows = await tx.query<{ system: string; message_id: string }>(
    `INSERT INTO inbound_messages (system, message_type, message_id, correlation_id, content_type, body, status, outcome)
     SELECT *, 'rejected', '{}'::json FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT (system, message_id) DO NOTHING
     RETURNING system, message_id`,
    [
      messages.map((m) => m.system),
      messages.map((m) => m.messageType),
      messages.map((m) => m.messageId),
      messages.map((m) => m.correlationId),
      messages.map((m) => m.contentType),
      messages.map((m) => m.body),
    ],
  );
  return new Set(rows.map((r) => inboundKey(r.system, r.message_id)));
}

export const inboundKey = (system: string, messageId: string) => `${system}\u0000${messageId}`;

export async function settleInbound(
  tx: Queryable,
  decisions: readonly { system: string; messageId: string; status: InboundRecord["status"]; outcome: object }[],
): Promise<void> {
  if (decisions.length === 0) return;
  await tx.query(
    `UPDATE inbound_messages m SET status = d.status, outcome = d.outcome
     FROM unnest($1::text[], $2::text[], $3::text[], $4::json[]) AS d(system, message_id, status, outcome)
     WHERE m.system = d.system AND m.message_id = d.message_id`,
    [
      decisions.map((d) => d.system),
      decisions.map((d) => d.messageId),
      decisions.map((d) => d.status),
      decisions.map((d) => JSON.stringify(d.outcome)),
    ],
  );
}
