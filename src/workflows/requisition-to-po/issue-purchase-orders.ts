import { appendAudit } from "../../audit/index.js";
import { appendEvents, partnerScoped } from "../../events/index.js";
import { addDecimal, compareDecimal, type Item, type PurchaseOrder, subtractDecimal } from "../../model/index.js";
import type { Queryable } from "../../store/index.js";
import { readBudget } from "./cost-center-budget.js";
import type { LineCheck } from "./requisition-check.js";
import type { RequisitionDeps } from "./requisition-deps.js";
import { raiseRequisitionException } from "./requisition-exception.js";
import { type RequisitionRow, readRequisition, transition } from "./requisition-row.js";
import { PURCHASE_ORDER_ISSUED, REQUISITION_ACTOR } from "./requisition-status.js";

/**
 * The PO issue step (a timer, so a crash before it commits only delays it): in one transaction the
 * cost center's budget is committed under its row lock, one PO per supplier is kept as an outbound
 * 'purchase-order' trade document, and `purchase-order.issued` goes to the outbox for the ERP and
 * that supplier's trading partner. The status guard makes a second firing change nothing.
 * Returns whether it wrote outbox events.
 */
export async function issuePurchaseOrders(
  deps: RequisitionDeps,
  tx: Queryable,
  requisitionId: string,
): Promise<boolean> {
  const row = await readRequisition(tx, requisitionId, true);
  if (row?.status !== "approved") return false;
  const now = deps.clock.now();
  const budget = await readBudget(tx, row.body.costCenterId, row.fiscalYear, true);
  const available = budget ? subtractDecimal(budget.amount, budget.committed) : "0.00";
  if (!budget || compareDecimal(row.total, available) > 0) {
    // Approved against a budget that other POs have spent since: finance decides, nothing is ordered.
    const reason = `${row.total} exceeds the ${available} now left of cost center ${row.body.costCenterId}'s FY${row.fiscalYear} budget`;
    await raiseRequisitionException(tx, {
      kind: "over-budget",
      requisitionId: row.id,
      message: `Requisition ${row.id}: ${reason}`,
      now,
      correlationId: row.correlationId,
      details: { costCenterId: row.body.costCenterId, total: row.total, available },
    });
    await transition(tx, { id: row.id, from: "approved", to: "blocked", reason, actor: REQUISITION_ACTOR, at: now });
    return false;
  }
  await tx.query(
    "UPDATE cost_center_budgets SET committed = committed + $3::numeric, updated_at = now() WHERE cost_center_id = $1 AND fiscal_year = $2",
    [row.body.costCenterId, row.fiscalYear, row.total],
  );
  const bySupplier = new Map<string, LineCheck[]>();
  for (const l of row.checks.lines) bySupplier.set(l.supplierId!, [...(bySupplier.get(l.supplierId!) ?? []), l]);
  const orders: { id: string; partner: string; format: string; total: string }[] = [];
  let wrote = false;
  for (const [supplierId, lines] of bySupplier) {
    const partner = deps.options.supplierPartners[supplierId] ?? deps.options.defaultPartner ?? supplierId;
    const format = deps.options.orderFormats[partner] ?? "x12-850";
    const [{ n }] = (await tx.query<{ n: number }>("SELECT nextval('purchase_order_numbers')::int AS n")) as [
      { n: number },
    ];
    const po = await purchaseOrderOf(tx, row, `PO-${n}`, supplierId, lines, now);
    const total = lines.reduce((sum, l) => addDecimal(sum, l.extended!), "0.00");
    const [doc] = await tx.query<{ id: number }>(
      `INSERT INTO trade_documents (kind, partner, direction, document_id, format, body, warnings, unresolved, correlation_id)
       VALUES ('purchase-order', $1, 'outbound', $2, $3, $4, '[]', '[]', $5) RETURNING id`,
      [partner, po.id, format === "x12-850" ? "X12 850" : "cXML OrderRequest", JSON.stringify(po), row.correlationId],
    );
    await tx.query(
      `INSERT INTO requisition_orders (purchase_order_id, requisition_id, supplier_id, partner, format, trade_document_id, total)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [po.id, row.id, supplierId, partner, format, doc!.id, total],
    );
    // The ERP (and any other non-partner subscriber) gets every PO; of the partners, only the PO's own.
    const targets = partnerScoped(deps.subscribers(PURCHASE_ORDER_ISSUED), partner, deps.partnerSystems);
    await appendEvents(
      tx,
      [
        {
          type: PURCHASE_ORDER_ISSUED,
          businessKey: `purchase-order:${partner}:${po.id}`,
          keyVersion: 1,
          payload: { purchaseOrder: po, partner, format, supplierId, requisitionId: row.id, documentRowId: doc!.id },
          correlationId: row.correlationId,
        },
      ],
      targets,
    );
    wrote ||= targets.length > 0;
    orders.push({ id: po.id, partner, format, total });
  }
  await tx.query("UPDATE requisitions SET line_status = $2, ordered_at = $3 WHERE id = $1", [
    row.id,
    JSON.stringify(Object.fromEntries(row.checks.lines.map((l) => [l.lineId, "ordered"]))),
    now.toISOString(),
  ]);
  await transition(tx, {
    id: row.id,
    from: "approved",
    to: "ordered",
    reason: `purchase order(s) ${orders.map((o) => `${o.id} to ${o.partner}`).join(", ")}; ${row.total} committed`,
    actor: REQUISITION_ACTOR,
    at: now,
  });
  await appendAudit(tx, [
    {
      actor: REQUISITION_ACTOR,
      action: "requisition.ordered",
      subjectType: "requisition",
      subjectId: row.id,
      detail: { orders, committed: row.total },
    },
  ]);
  return wrote;
}

/** The canonical PO for one supplier's lines: line ids are the requisition's, so the 855 names them back. */
async function purchaseOrderOf(
  tx: Queryable,
  row: RequisitionRow,
  id: string,
  supplierId: string,
  lines: readonly LineCheck[],
  now: Date,
): Promise<PurchaseOrder> {
  const items = new Map(
    (
      await tx.query<{ body: Item }>(
        "SELECT body FROM canonical_records WHERE entity_type = 'item' AND id = ANY($1::text[])",
        [lines.map((l) => l.itemId)],
      )
    ).map((r) => [r.body.id, r.body]),
  );
  const asked = new Map(row.body.lines.map((l) => [l.lineId, l]));
  const facility = {
    role: "ship-to" as const,
    ids: [{ scheme: "buyer-assigned" as const, value: row.body.facilityId }],
  };
  return {
    kind: "purchase-order",
    id,
    purpose: "original",
    orderDate: now.toISOString().slice(0, 10),
    currency: row.currency,
    facilityId: row.body.facilityId,
    costCenterId: row.body.costCenterId,
    requisitionId: row.id,
    parties: [
      { ...facility, role: "buyer" },
      facility,
      { role: "supplier", ids: [{ scheme: "buyer-assigned", value: supplierId }] },
    ],
    lines: lines.map((l) => {
      const item = items.get(l.itemId);
      const req = asked.get(l.lineId)!;
      return {
        lineId: l.lineId,
        item: {
          itemId: l.itemId,
          buyerPartNo: l.itemId,
          ...(item?.manufacturerPartNo ? { manufacturerPartNo: item.manufacturerPartNo } : {}),
          ...(item?.gtin ? { gtin: item.gtin } : {}),
          ...(item ? { description: item.description } : {}),
        },
        quantity: req.quantity,
        uom: req.uom,
        unitPrice: l.unitPrice!,
        ...(l.contract ? { contractNumber: l.contract.number } : {}),
        requestedDelivery: row.body.neededBy,
      };
    }),
    total: lines.reduce((sum, l) => addDecimal(sum, l.extended!), "0.00"),
  };
}
