import type { Queryable } from "../../store.js";

export type PricedOrderLine = {
  readonly purchaseOrderId: string;
  readonly lineId: string;
  readonly orderDate: string;
  readonly facilityId: string | null;
  /** Canonical item: the line's resolved itemId, else the partner's part number through its cross-reference. */
  readonly itemId: string | null;
  readonly quantity: string;
  readonly uom: string;
  readonly unitPrice: string;
  readonly currency: string;
};

/**
 * Lines of the purchase orders received in the window, each PO at its latest revision (a
 * cancelled PO spends nothing), with the canonical item when it can be known.
 */
export async function purchaseOrderLines(q: Queryable, from: Date, to: Date): Promise<PricedOrderLine[]> {
  const rows = await q.query<PricedOrderLine>(
    `WITH latest AS (
       SELECT DISTINCT ON (document_id) document_id, partner, body FROM trade_documents
       WHERE kind = 'purchase-order' AND received_at >= $1 AND received_at < $2
       ORDER BY document_id, id DESC)
     SELECT p.document_id AS "purchaseOrderId", l ->> 'lineId' AS "lineId", p.body ->> 'orderDate' AS "orderDate",
       p.body ->> 'facilityId' AS "facilityId",
       coalesce(l -> 'item' ->> 'itemId', x.canonical_id) AS "itemId",
       l ->> 'quantity' AS quantity, l ->> 'uom' AS uom, l ->> 'unitPrice' AS "unitPrice",
       p.body ->> 'currency' AS currency
     FROM latest p CROSS JOIN LATERAL json_array_elements(p.body -> 'lines') AS l
     LEFT JOIN xrefs x ON x.system = p.partner AND x.entity_type = 'item' AND x.local_id = l -> 'item' ->> 'supplierPartNo'
     WHERE p.body ->> 'purpose' <> 'cancel'
     ORDER BY p.document_id, l ->> 'lineId'`,
    [from, to],
  );
  return rows;
}
