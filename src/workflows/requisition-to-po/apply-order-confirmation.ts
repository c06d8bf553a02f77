import { appendAudit } from "../../audit/index.js";
import {
  compareDecimal,
  type OrderConfirmation,
  type PurchaseOrder,
  type PurchaseOrderLine,
} from "../../model/index.js";
import type { Queryable } from "../../store/index.js";
import type { RequisitionDeps } from "./requisition-deps.js";
import { type RequisitionExceptionKind, raiseRequisitionException } from "./requisition-exception.js";
import { type LineStatus, readRequisition, transition } from "./requisition-row.js";

type Verdict = { status: LineStatus; problem?: { kind: RequisitionExceptionKind; what: string } };

/** What one confirmation line says about the PO line it names. */
function verdictOf(
  po: PurchaseOrderLine,
  c: OrderConfirmation["lines"][number] | undefined,
  header: OrderConfirmation["status"],
): Verdict | undefined {
  // A line the confirmation does not list takes the header's answer when that answer is final: an
  // 855 BAK02 AD or a cXML ConfirmationHeader type="accept" with no items accepts the whole order.
  if (!c)
    return header === "rejected"
      ? { status: "rejected", problem: { kind: "line-rejected", what: "the supplier rejected the order" } }
      : header === "accepted"
        ? { status: "accepted" }
        : undefined;
  if (c.status === "pending") return undefined;
  if (c.status === "rejected")
    return {
      status: "rejected",
      problem: { kind: "line-rejected", what: `the supplier rejected the line${c.note ? ` (${c.note})` : ""}` },
    };
  if (c.status === "backordered")
    return {
      status: "backordered",
      problem: {
        kind: "backordered",
        what: `back-ordered${c.scheduledShipDate ? `, expected to ship ${c.scheduledShipDate}` : ""}`,
      },
    };
  if (c.unitPrice !== undefined && compareDecimal(c.unitPrice, po.unitPrice) !== 0)
    return {
      status: "changed",
      problem: { kind: "price-changed", what: `price changed from ${po.unitPrice} to ${c.unitPrice}` },
    };
  if (c.quantity !== undefined && compareDecimal(c.quantity, po.quantity) !== 0)
    return {
      status: "changed",
      problem: { kind: "quantity-changed", what: `quantity changed from ${po.quantity} to ${c.quantity}` },
    };
  return { status: "accepted" };
}

/**
 * Applies a supplier's 855 / ConfirmationRequest (kept in trade_documents by the partner intake) to
 * the requisition whose PO it confirms: each line's status, and a typed exception with owner and
 * due date for a back-order, a rejected line, or a changed price or quantity. A confirmation of a
 * PO Concord did not issue is left to the PO status view. Applying the same news twice raises
 * nothing new.
 */
export async function applyOrderConfirmation(
  deps: RequisitionDeps,
  tx: Queryable,
  documentRowId: number,
): Promise<void> {
  const [doc] = await tx.query<{ partner: string; body: OrderConfirmation }>(
    "SELECT partner, body FROM trade_documents WHERE id = $1 AND kind = 'order-confirmation' AND direction = 'inbound'",
    [documentRowId],
  );
  if (!doc) return;
  const [order] = await tx.query<{ requisition_id: string; body: PurchaseOrder }>(
    `SELECT o.requisition_id, d.body FROM requisition_orders o JOIN trade_documents d ON d.id = o.trade_document_id
     WHERE o.purchase_order_id = $1 AND o.partner = $2`,
    [doc.body.purchaseOrderId, doc.partner],
  );
  if (!order) return;
  const row = await readRequisition(tx, order.requisition_id, true);
  if (!row || !["ordered", "confirmed", "confirmed_with_exceptions"].includes(row.status)) return;
  const now = deps.clock.now();
  const clinical = new Set(row.checks.lines.filter((l) => l.clinical).map((l) => l.lineId));
  const lineStatus: Record<string, LineStatus> = { ...row.lineStatus };
  const changes: { lineId: string; status: LineStatus }[] = [];
  for (const line of order.body.lines) {
    const v = verdictOf(
      line,
      doc.body.lines.find((c) => c.lineId === line.lineId),
      doc.body.status,
    );
    if (!v) continue;
    lineStatus[line.lineId] = v.status;
    changes.push({ lineId: line.lineId, status: v.status });
    if (!v.problem) continue;
    const [seen] = await tx.query(
      `SELECT 1 FROM exceptions WHERE subject_type = 'requisition' AND subject_id = $1 AND rule = $2
         AND details ->> 'purchaseOrderId' = $3 AND details ->> 'lineId' = $4 AND details ->> 'what' = $5`,
      [row.id, `requisition.${v.problem.kind}`, order.body.id, line.lineId, v.problem.what],
    );
    if (seen) continue;
    await raiseRequisitionException(tx, {
      kind: v.problem.kind,
      requisitionId: row.id,
      clinical: clinical.has(line.lineId),
      message: `Requisition ${row.id}, PO ${order.body.id} line ${line.lineId} (${line.item.itemId ?? line.item.buyerPartNo}): ${doc.partner} ${v.problem.what}`,
      now,
      correlationId: row.correlationId,
      details: {
        purchaseOrderId: order.body.id,
        lineId: line.lineId,
        partner: doc.partner,
        what: v.problem.what,
        confirmationRowId: documentRowId,
      },
    });
  }
  if (changes.length === 0) return;
  await tx.query("UPDATE requisitions SET line_status = $2, updated_at = $3 WHERE id = $1", [
    row.id,
    JSON.stringify(lineStatus),
    now.toISOString(),
  ]);
  const statuses = Object.values(lineStatus);
  if (!statuses.includes("ordered")) {
    const to = statuses.every((s) => s === "accepted") ? "confirmed" : "confirmed_with_exceptions";
    if (to !== row.status) {
      const reason = `${doc.partner} confirmed every line${
        to === "confirmed"
          ? " as ordered"
          : `: ${
              changes
                .filter((c) => c.status !== "accepted")
                .map((c) => `${c.lineId} ${c.status}`)
                .join(", ") || "with earlier changes"
            }`
      }`;
      await transition(tx, {
        id: row.id,
        from: ["ordered", "confirmed", "confirmed_with_exceptions"],
        to,
        reason,
        actor: doc.partner,
        at: now,
      });
    }
  }
  await appendAudit(tx, [
    {
      actor: doc.partner,
      action: "requisition.confirmed",
      subjectType: "requisition",
      subjectId: row.id,
      detail: { purchaseOrderId: order.body.id, changes },
    },
  ]);
}
