import type { Queryable } from "../../store.js";

/**
 * Accounts payable's payments received in the window (POST /v1/payments) and how long the invoices
 * they settle waited: days from the invoice reaching Concord to its payment date, p50 and p95, and
 * the early-payment discounts taken. A remittance naming an invoice Concord never received counts
 * as paid but not in the wait.
 */
export async function invoiceToPayment(q: Queryable, from: Date, to: Date) {
  const [row] = await q.query<{
    payments: number;
    invoices: number;
    waited: number;
    p50: number | null;
    p95: number | null;
    discount: string;
  }>(
    `WITH remitted AS (
       SELECT pi.payment_id, (p.body ->> 'paymentDate')::date AS paid_on, r ->> 'invoiceId' AS invoice_id,
         coalesce((r ->> 'discount')::numeric, 0) AS discount
       FROM payment_intake pi JOIN trade_documents p ON p.id = pi.document_row_id,
         json_array_elements(p.body -> 'remittances') r
       WHERE pi.received_at >= $1 AND pi.received_at < $2
     ), waited AS (
       SELECT remitted.*, paid_on - (SELECT min(i.received_at) FROM trade_documents i
         WHERE i.kind = 'invoice' AND i.direction = 'inbound' AND i.document_id = remitted.invoice_id)::date AS days
       FROM remitted
     )
     SELECT count(DISTINCT payment_id)::int AS payments, count(*)::int AS invoices,
       count(days)::int AS waited,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY days) AS p95,
       to_char(coalesce(sum(discount), 0), 'FM999999999990.00') AS discount
     FROM waited`,
    [from, to],
  );
  return {
    paymentsReceived: row!.payments,
    invoicesPaid: row!.invoices,
    /** Of those, the invoices Concord received (the wait is known). */
    invoicesWithWait: row!.waited,
    p50Days: row!.p50 === null ? null : Number(row!.p50),
    p95Days: row!.p95 === null ? null : Number(row!.p95),
    discountTaken: row!.discount,
  };
}
