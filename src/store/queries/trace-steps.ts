import type { Queryable } from "../store.js";
import { deliveriesOfEvents, type EventDelivery } from "./event-queries.js";
import type { TraceOptions, TraceStep } from "./trace-queries.js";

/**
 * The readers of a trace's steps (trace-queries.ts puts them in time order and sums them up): each
 * reads one kind of record by correlation id, appends its steps to `steps`, and returns what the
 * summary needs of it.
 */

export const HUB = "concord";
const iso = (d: Date) => d.toISOString();

/** The inbound messages, and the 997/999 Concord answered an X12 interchange with. */
export async function inboundSteps(
  q: Queryable,
  correlationId: string,
  opts: TraceOptions,
  steps: TraceStep[],
): Promise<{ readonly status: string }[]> {
  const inbound = await q.query<{
    system: string;
    message_type: string;
    message_id: string;
    content_type: string;
    status: string;
    received_at: Date;
  }>(
    `SELECT system, message_type, message_id, content_type, status, received_at
     FROM inbound_messages WHERE correlation_id = $1 ORDER BY received_at, id`,
    [correlationId],
  );
  for (const m of inbound) {
    steps.push({
      at: iso(m.received_at),
      kind: "inbound-message",
      system: m.system,
      messageType: m.message_type,
      messageId: m.message_id,
      contentType: m.content_type,
      status: m.status,
    });
    const ack =
      m.message_type === "x12-interchange" && m.status === "accepted" ? opts.functionalAckOf?.(m.system) : undefined;
    // Concord's own 997/999 goes back in the answer to the interchange, so it is sent when the message is kept.
    if (ack) {
      steps.push({
        at: iso(m.received_at),
        kind: "acknowledgment",
        system: m.system,
        direction: "outbound",
        type: `x12-${ack}`,
        of: m.message_id,
      });
    }
  }
  return inbound;
}

/** Canonical changes: contract versions (and their release), trade documents, invoice matches. */
export async function changeSteps(q: Queryable, correlationId: string, steps: TraceStep[]): Promise<void> {
  const versions = await q.query<{
    contract_id: string;
    version: number;
    status: string;
    source_system: string;
    received_at: Date;
    released_at: Date | null;
    release_reason: string | null;
  }>(
    `SELECT contract_id, version, status, source_system, received_at, released_at, release_reason
     FROM contract_versions WHERE correlation_id = $1 ORDER BY received_at, contract_id, version`,
    [correlationId],
  );
  for (const v of versions) {
    steps.push({
      at: iso(v.received_at),
      kind: "canonical-change",
      system: v.source_system,
      entity: "contract-version",
      contractId: v.contract_id,
      version: v.version,
      status: v.status,
    });
    if (v.released_at) {
      steps.push({
        at: iso(v.released_at),
        kind: "contract-released",
        system: HUB,
        contractId: v.contract_id,
        version: v.version,
        reason: v.release_reason,
      });
    }
  }

  const documents = await q.query<{
    id: number;
    kind: string;
    partner: string;
    direction: string;
    document_id: string;
    format: string;
    received_at: Date;
  }>(
    `SELECT id, kind, partner, direction, document_id, format, received_at
     FROM trade_documents WHERE correlation_id = $1 ORDER BY id`,
    [correlationId],
  );
  for (const d of documents) {
    steps.push({
      at: iso(d.received_at),
      kind: "canonical-change",
      system: d.partner,
      entity: "trade-document",
      documentRowId: d.id,
      documentKind: d.kind,
      documentId: d.document_id,
      direction: d.direction,
      format: d.format,
    });
  }

  const matches = await q.query<{
    invoice_document_id: number;
    partner: string;
    status: string;
    created_at: Date;
    decided_at: Date | null;
  }>(
    `SELECT invoice_document_id, partner, status, created_at, decided_at
     FROM invoice_matches WHERE correlation_id = $1 ORDER BY invoice_document_id`,
    [correlationId],
  );
  for (const m of matches) {
    steps.push({
      at: iso(m.decided_at ?? m.created_at),
      kind: "invoice-match",
      system: HUB,
      invoiceDocumentRowId: m.invoice_document_id,
      status: m.status,
    });
  }
}

/** Outbox events, every delivery attempt per target, and partners' functional acknowledgments. */
export async function deliverySteps(
  q: Queryable,
  correlationId: string,
  steps: TraceStep[],
): Promise<(EventDelivery & { readonly eventId: number })[]> {
  const events = await q.query<{
    id: number;
    event_type: string;
    business_key: string;
    key_version: number;
    created_at: Date;
  }>(`SELECT id, event_type, business_key, key_version, created_at FROM events WHERE correlation_id = $1 ORDER BY id`, [
    correlationId,
  ]);
  for (const e of events) {
    steps.push({
      at: iso(e.created_at),
      kind: "event",
      system: HUB,
      eventId: e.id,
      type: e.event_type,
      businessKey: e.business_key,
      keyVersion: e.key_version,
    });
  }
  const deliveries = await deliveriesOfEvents(
    q,
    events.map((e) => e.id),
  );
  for (const d of deliveries) {
    for (const a of d.history) {
      steps.push({
        at: a.startedAt,
        endedAt: a.finishedAt,
        durationMs: a.durationMs,
        kind: "delivery-attempt",
        system: d.target,
        deliveryId: d.id,
        eventId: d.eventId,
        attempt: a.attempt,
        outcome: a.outcome,
        httpStatus: a.httpStatus,
        errorCode: a.errorCode,
        error: a.error,
      });
    }
    // A partner's 997/999 settles a delivery that was only `delivered` by its last attempt.
    const last = d.history[d.history.length - 1];
    if (last?.outcome === "delivered" && d.settledAt && (d.status === "acknowledged" || d.status === "failed")) {
      steps.push({
        at: d.settledAt,
        kind: "acknowledgment",
        system: d.target,
        direction: "inbound",
        type: "functional-ack",
        deliveryId: d.id,
        accepted: d.status === "acknowledged",
        ...(d.status === "failed" ? { detail: d.lastError } : {}),
      });
    }
  }
  return deliveries;
}

/** Exceptions (and their resolution) and policy violations. */
export async function problemSteps(
  q: Queryable,
  correlationId: string,
  steps: TraceStep[],
): Promise<{ readonly status: string }[]> {
  const exceptions = await q.query<{
    id: number;
    code: string;
    rule: string;
    urgency: string;
    subject_type: string;
    subject_id: string;
    system: string | null;
    message: string;
    status: string;
    created_at: Date;
    resolved_at: Date | null;
    resolved_by: string | null;
    resolution_code: string | null;
  }>(
    `SELECT id, code, rule, urgency, subject_type, subject_id, system, message, status, created_at, resolved_at,
       resolved_by, resolution_code
     FROM exceptions WHERE correlation_id = $1 ORDER BY id`,
    [correlationId],
  );
  for (const x of exceptions) {
    steps.push({
      at: iso(x.created_at),
      kind: "exception",
      system: x.system ?? HUB,
      exceptionId: x.id,
      code: x.code,
      rule: x.rule,
      urgency: x.urgency,
      subject: { type: x.subject_type, id: x.subject_id },
      message: x.message,
      status: x.status,
    });
    if (x.resolved_at) {
      steps.push({
        at: iso(x.resolved_at),
        kind: "exception-resolved",
        system: HUB,
        exceptionId: x.id,
        resolvedBy: x.resolved_by,
        resolution: x.resolution_code,
      });
    }
  }

  const violations = await q.query<{
    id: number;
    rule: string;
    system: string;
    entity_type: string;
    entity_id: string;
    message: string;
    created_at: Date;
  }>(
    `SELECT id, rule, system, entity_type, entity_id, message, created_at
     FROM policy_violations WHERE correlation_id = $1 ORDER BY id`,
    [correlationId],
  );
  for (const v of violations) {
    steps.push({
      at: iso(v.created_at),
      kind: "policy-violation",
      system: v.system,
      violationId: v.id,
      rule: v.rule,
      entity: { type: v.entity_type, id: v.entity_id },
      message: v.message,
    });
  }
  return exceptions;
}

/** Audit records, and master-data changes, whose audit record is their only trace. */
export async function auditSteps(q: Queryable, correlationId: string, steps: TraceStep[]): Promise<void> {
  const audit = await q.query<{
    seq: number;
    at: string;
    actor: string;
    action: string;
    subject_type: string | null;
    subject_id: string | null;
  }>(
    `SELECT seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor, action, subject_type,
       subject_id
     FROM audit_log WHERE detail ->> 'correlationId' = $1 ORDER BY seq`,
    [correlationId],
  );
  for (const r of audit) {
    const master = r.subject_type === "supplier" || r.subject_type === "item";
    // Master records keep no correlation id of their own: their audit record is the trace of the change.
    if (master && /\.(created|updated)$/.test(r.action)) {
      steps.push({
        at: r.at,
        kind: "canonical-change",
        system: r.actor,
        entity: r.subject_type!,
        id: r.subject_id,
        change: r.action.slice(r.action.lastIndexOf(".") + 1),
      });
    }
    steps.push({
      at: r.at,
      kind: "audit",
      system: r.actor,
      seq: r.seq,
      action: r.action,
      subject: r.subject_type ? { type: r.subject_type, id: r.subject_id } : null,
    });
  }
}
