import type { Queryable } from "../store.js";

/** Where a purchase order stands, furthest stage first reached; `cancelled`/`rejected` end it early. */
export type PurchaseOrderStatus =
  | "ordered"
  | "acknowledged"
  | "shipped"
  | "received"
  | "invoiced"
  | "paid"
  | "rejected"
  | "cancelled";

export const PURCHASE_ORDER_STATUSES: readonly PurchaseOrderStatus[] = [
  "ordered",
  "acknowledged",
  "shipped",
  "received",
  "invoiced",
  "paid",
  "rejected",
  "cancelled",
];

/**
 * The furthest stage a document shows (an invoice before a receipt still counts as invoiced: the
 * documents say what happened, not what should have). A cancel revision or a rejected confirmation
 * wins. listPurchaseOrders computes the same in SQL (STATUS_SQL); keep the two in step.
 */
export function purchaseOrderStatusOf(f: {
  purpose: string;
  confirmation: string | null;
  shipped: boolean;
  received: boolean;
  invoiced: boolean;
  paid: boolean;
}): PurchaseOrderStatus {
  if (f.purpose === "cancel") return "cancelled";
  if (f.confirmation === "rejected") return "rejected";
  if (f.paid) return "paid";
  if (f.invoiced) return "invoiced";
  if (f.received) return "received";
  if (f.shipped) return "shipped";
  if (f.confirmation !== null) return "acknowledged";
  return "ordered";
}

const STATUS_SQL = `CASE WHEN purpose = 'cancel' THEN 'cancelled' WHEN confirmation = 'rejected' THEN 'rejected'
  WHEN paid THEN 'paid' WHEN invoiced THEN 'invoiced' WHEN received THEN 'received' WHEN shipped THEN 'shipped'
  WHEN confirmation IS NOT NULL THEN 'acknowledged' ELSE 'ordered' END`;

// Ship notices and invoices are the supplier's: only the PO's own partner's documents can name it.
const SHIPPED_SQL = (po: string) => `EXISTS (SELECT 1 FROM trade_documents s
  WHERE s.kind = 'ship-notice' AND s.partner = ${po}.partner
    AND EXISTS (SELECT 1 FROM json_array_elements(s.body -> 'orders') o WHERE o ->> 'purchaseOrderId' = ${po}.document_id))`;
// An invoice `i` of the PO's partner that bills it, on its header or on a line.
const BILLS_SQL = (i: string, po: string) => `${i}.kind = 'invoice' AND ${i}.partner = ${po}.partner
  AND (${i}.body ->> 'purchaseOrderId' = ${po}.document_id
    OR EXISTS (SELECT 1 FROM json_array_elements(${i}.body -> 'lines') l WHERE l ->> 'purchaseOrderId' = ${po}.document_id))`;
const INVOICED_SQL = (po: string) => `EXISTS (SELECT 1 FROM trade_documents i WHERE ${BILLS_SQL("i", po)})`;
// Paid: accounts payable's payment (POST /v1/payments, kept in payment_intake; not a partner's own
// 820) names the PO, or settles an invoice of the PO's partner that bills it.
const PAID_SQL = (po: string) => `EXISTS (SELECT 1
  FROM payment_intake pi JOIN trade_documents p ON p.id = pi.document_row_id, json_array_elements(p.body -> 'remittances') r
  WHERE r ->> 'purchaseOrderId' = ${po}.document_id OR EXISTS (SELECT 1 FROM trade_documents i
    WHERE i.document_id = r ->> 'invoiceId' AND ${BILLS_SQL("i", po)}))`;

export interface PurchaseOrderListFilter {
  /** The trading partner (the supplier's system) the order is exchanged with. */
  readonly supplier?: string | undefined;
  readonly status?: PurchaseOrderStatus | undefined;
  /** Keyset: only orders with a greater document id. */
  readonly afterId?: string | undefined;
  readonly limit: number;
}

export interface PurchaseOrderListItem {
  readonly purchaseOrderId: string;
  readonly supplier: string;
  readonly status: PurchaseOrderStatus;
  readonly orderDate: string | null;
  /** The latest revision's purpose: original, change or cancel. */
  readonly purpose: string;
  readonly revisions: number;
  readonly receivedAt: string;
}

/** Purchase orders by document id, each at its latest revision, with the status its documents show. */
export async function listPurchaseOrders(q: Queryable, f: PurchaseOrderListFilter): Promise<PurchaseOrderListItem[]> {
  const rows = await q.query<{
    document_id: string;
    partner: string;
    status: PurchaseOrderStatus;
    order_date: string | null;
    purpose: string;
    revisions: number;
    received_at: Date;
  }>(
    `WITH po AS (
       SELECT DISTINCT ON (document_id) document_id, partner, body ->> 'purpose' AS purpose,
         body ->> 'orderDate' AS order_date, received_at,
         count(*) OVER (PARTITION BY document_id)::int AS revisions
       FROM trade_documents
       WHERE kind = 'purchase-order' AND ($1::text IS NULL OR partner = $1) AND ($2::text IS NULL OR document_id > $2)
       ORDER BY document_id, id DESC
     ), flagged AS (
       SELECT po.*,
         (SELECT c.body ->> 'status' FROM trade_documents c
          WHERE c.kind = 'order-confirmation' AND c.body ->> 'purchaseOrderId' = po.document_id AND c.partner = po.partner
          ORDER BY c.id DESC LIMIT 1) AS confirmation,
         ${SHIPPED_SQL("po")} AS shipped,
         EXISTS (SELECT 1 FROM trade_documents r
           WHERE r.kind = 'receipt' AND r.body ->> 'purchaseOrderId' = po.document_id) AS received,
         ${INVOICED_SQL("po")} AS invoiced,
         ${PAID_SQL("po")} AS paid
       FROM po
     ), stated AS (SELECT flagged.*, ${STATUS_SQL} AS status FROM flagged)
     SELECT document_id, partner, status, order_date, purpose, revisions, received_at FROM stated
     WHERE ($3::text IS NULL OR status = $3)
     ORDER BY document_id LIMIT $4`,
    [f.supplier ?? null, f.afterId ?? null, f.status ?? null, f.limit],
  );
  return rows.map((r) => ({
    purchaseOrderId: r.document_id,
    supplier: r.partner,
    status: r.status,
    orderDate: r.order_date,
    purpose: r.purpose,
    revisions: r.revisions,
    receivedAt: r.received_at.toISOString(),
  }));
}

/** One document that moved the order along, named the way the systems name it. */
export interface StageDocument {
  /** Concord's row id (trade_documents.id): the key for traces and invoice exceptions. */
  readonly documentRowId: number;
  /** The document's own id (PO number, ASN number, invoice number); null when it has none. */
  readonly documentId: string | null;
  readonly system: string;
  readonly format: string;
  readonly at: string;
  readonly correlationId: string;
  readonly [field: string]: unknown;
}

export interface Stage {
  /** done: a document shows it; pending: none yet; unknown: Concord holds no record of this kind. */
  readonly state: "done" | "pending" | "unknown";
  /** When the first document of the stage arrived. */
  readonly at: string | null;
  readonly documents: readonly StageDocument[];
  readonly note?: string;
}

export interface PurchaseOrderStatusView {
  readonly purchaseOrderId: string;
  readonly supplier: string;
  readonly status: PurchaseOrderStatus;
  readonly stages: {
    readonly ordered: Stage;
    readonly acknowledged: Stage;
    readonly shipped: Stage;
    readonly received: Stage;
    readonly invoiced: Stage;
    readonly paid: Stage;
  };
}

type DocRow = {
  id: number;
  kind: string;
  partner: string;
  document_id: string;
  format: string;
  body: Readonly<Record<string, unknown>>;
  received_at: Date;
  correlation_id: string;
  match_status?: string | null;
};

/** A purchase order's status across systems, from the documents Concord holds about it. */
export async function purchaseOrderStatus(
  q: Queryable,
  purchaseOrderId: string,
): Promise<PurchaseOrderStatusView | undefined> {
  const cols = "d.id, d.kind, d.partner, d.document_id, d.format, d.body, d.received_at, d.correlation_id";
  const orders = await q.query<DocRow>(
    `SELECT ${cols} FROM trade_documents d WHERE d.kind = 'purchase-order' AND d.document_id = $1 ORDER BY d.id`,
    [purchaseOrderId],
  );
  const latest = orders[orders.length - 1];
  if (!latest) return undefined;
  const partner = latest.partner;
  const revisions = orders.filter((o) => o.partner === partner);
  const confirmations = await q.query<DocRow>(
    `SELECT ${cols} FROM trade_documents d
     WHERE d.kind = 'order-confirmation' AND d.body ->> 'purchaseOrderId' = $1 AND d.partner = $2 ORDER BY d.id`,
    [purchaseOrderId, partner],
  );
  const shipNotices = await q.query<DocRow>(
    `SELECT ${cols} FROM trade_documents d
     WHERE d.kind = 'ship-notice' AND d.partner = $2
       AND EXISTS (SELECT 1 FROM json_array_elements(d.body -> 'orders') o WHERE o ->> 'purchaseOrderId' = $1)
     ORDER BY d.id`,
    [purchaseOrderId, partner],
  );
  const receipts = await q.query<DocRow>(
    `SELECT ${cols} FROM trade_documents d WHERE d.kind = 'receipt' AND d.body ->> 'purchaseOrderId' = $1 ORDER BY d.id`,
    [purchaseOrderId],
  );
  const invoices = await q.query<DocRow>(
    `SELECT ${cols}, m.status AS match_status
     FROM trade_documents d LEFT JOIN invoice_matches m ON m.invoice_document_id = d.id
     WHERE d.kind = 'invoice' AND d.partner = $2
       AND (d.body ->> 'purchaseOrderId' = $1
         OR EXISTS (SELECT 1 FROM json_array_elements(d.body -> 'lines') l WHERE l ->> 'purchaseOrderId' = $1))
     ORDER BY d.id`,
    [purchaseOrderId, partner],
  );
  // Accounts payable's payments (POST /v1/payments) that name the PO or settle one of its invoices.
  const invoiceIds = invoices.map((i) => i.document_id);
  const payments = await q.query<DocRow>(
    `SELECT ${cols} FROM payment_intake pi JOIN trade_documents d ON d.id = pi.document_row_id
     WHERE EXISTS (SELECT 1 FROM json_array_elements(d.body -> 'remittances') r
       WHERE r ->> 'purchaseOrderId' = $1 OR r ->> 'invoiceId' = ANY($2::text[]))
     ORDER BY d.id`,
    [purchaseOrderId, invoiceIds],
  );

  const doc = (d: DocRow, documentId: string | null, extra: Record<string, unknown>): StageDocument => ({
    documentRowId: d.id,
    documentId,
    system: d.partner,
    format: d.format,
    at: d.received_at.toISOString(),
    correlationId: d.correlation_id,
    ...extra,
  });
  const stage = (documents: StageDocument[]): Stage => ({
    state: documents.length > 0 ? "done" : "pending",
    at: documents[0]?.at ?? null,
    documents,
  });
  const lastConfirmation = confirmations[confirmations.length - 1];
  return {
    purchaseOrderId,
    supplier: partner,
    status: purchaseOrderStatusOf({
      purpose: String(latest.body.purpose),
      confirmation: lastConfirmation ? String(lastConfirmation.body.status) : null,
      shipped: shipNotices.length > 0,
      received: receipts.length > 0,
      invoiced: invoices.length > 0,
      paid: payments.length > 0,
    }),
    stages: {
      ordered: stage(
        revisions.map((d) =>
          doc(d, d.document_id, {
            purpose: d.body.purpose,
            orderDate: d.body.orderDate,
            lines: Array.isArray(d.body.lines) ? d.body.lines.length : 0,
            total: d.body.total ?? null,
          }),
        ),
      ),
      acknowledged: stage(
        confirmations.map((d) =>
          doc(d, (d.body.id as string | undefined) ?? null, {
            status: d.body.status,
            confirmationDate: d.body.confirmationDate,
            lines: ((d.body.lines as Record<string, unknown>[] | undefined) ?? []).map((l) => ({
              lineId: l.lineId,
              status: l.status,
              quantity: l.quantity ?? null,
              scheduledShipDate: l.scheduledShipDate ?? null,
            })),
          }),
        ),
      ),
      shipped: stage(
        shipNotices.map((d) =>
          doc(d, d.document_id, {
            purpose: d.body.purpose,
            shipDate: d.body.shipDate ?? null,
            expectedDelivery: d.body.expectedDelivery ?? null,
            carrier: d.body.carrier ?? null,
            trackingNumbers: d.body.trackingNumbers ?? [],
            lines: ((d.body.orders as { purchaseOrderId: string; lines: unknown[] }[] | undefined) ?? [])
              .filter((o) => o.purchaseOrderId === purchaseOrderId)
              .flatMap((o) => o.lines),
          }),
        ),
      ),
      received: stage(
        receipts.map((d) =>
          doc(d, d.document_id, { receivedOn: d.body.receivedOn, facilityId: d.body.facilityId, lines: d.body.lines }),
        ),
      ),
      invoiced: stage(
        invoices.map((d) =>
          doc(d, d.document_id, {
            invoiceDate: d.body.invoiceDate,
            total: d.body.total,
            currency: d.body.currency,
            match: d.match_status ?? null,
          }),
        ),
      ),
      paid: stage(
        payments.map((d) => {
          const mine = ((d.body.remittances as Record<string, unknown>[] | undefined) ?? []).filter(
            (r) => r.purchaseOrderId === purchaseOrderId || invoiceIds.includes(String(r.invoiceId)),
          );
          return doc(d, d.document_id, {
            paymentDate: d.body.paymentDate,
            method: d.body.method,
            currency: d.body.currency,
            remittances: mine,
          });
        }),
      ),
    },
  };
}
