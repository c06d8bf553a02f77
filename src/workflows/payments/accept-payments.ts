import { auditChange } from "../../audit/index.js";
import { type ConcordError, Errors } from "../../errors/index.js";
import { appendEvent, type EventTarget, partnerScoped } from "../../events/index.js";
import { PAYMENT_REMITTED, type Payment, type PaymentRemitted, type Remittance } from "../../model/index.js";
import { add, cmp, exact, money, ZERO } from "../../policy/invoice-match/exact-decimal.js";
import type { Queryable, Store } from "../../store/index.js";
import { type BatchRefusal, RecordBatch } from "../partner-documents/record-batch.js";

export interface PaymentIntakeDeps {
  readonly store: Store;
  /** Targets subscribed to an event type: a partner subscribed to `payment.remitted` gets an 820. */
  readonly subscribers: (eventType: string) => readonly EventTarget[];
  /** Trading partners' systems: each hears of the payments of its own invoices only. */
  readonly partnerSystems: ReadonlySet<string>;
  /** Called after a commit that wrote deliveries. */
  readonly onOutboxWrite: () => void;
}

/** Where one remittance's invoice was found: the partner that sent it, or why none. */
export interface RemittanceMatch {
  readonly invoiceId: string;
  readonly partner: string | null;
  readonly reason?: "unknown-invoice" | "ambiguous-invoice";
}

export type PaymentResult =
  | {
      readonly index: number;
      readonly id: string;
      readonly status: "accepted";
      readonly documentId: number;
      readonly remittances: readonly RemittanceMatch[];
    }
  | BatchRefusal;

/**
 * Payments from accounts payable (the ERP, system of record for payments), in one transaction, each
 * record decided on its own: schema, remittances adding up to the amount, idempotent per payment id
 * (the same content again is a duplicate, other content a conflict). An accepted payment is kept as
 * a trade document (a PO whose invoices it settles shows as paid) and, per trading partner whose
 * invoices it settles, announced as `payment.remitted` with that partner's remittances only, so
 * the supplier learns what was paid (an X12 820). A remittance naming an invoice Concord never
 * received, or one several partners sent, is kept with the payment and reported, not announced.
 */
export async function acceptPayments(
  deps: PaymentIntakeDeps,
  system: string,
  records: readonly unknown[],
  correlationId: string,
): Promise<PaymentResult[]> {
  let announced = 0;
  const results = await deps.store.transaction(async (tx) => {
    const out: PaymentResult[] = [];
    const batch = new RecordBatch(tx, "payment", { table: "payment_intake", idColumn: "payment_id" }, (index, id) =>
      Errors.PaymentConflict(
        `payment ${id} was already received with different content; a corrected payment needs a new id`,
        { index, id },
      ),
    );
    for (const [index, record] of records.entries()) {
      const checked = await batch.check(index, record, (p) => addsUp(p, index));
      if ("refusal" in checked) {
        out.push(checked.refusal);
        continue;
      }
      const { take: payment, hash } = checked;
      const documentId = await batch.keep(payment, hash, system, correlationId);
      const matches = await invoicePartners(tx, payment.remittances);
      const byPartner = new Map<string, Remittance[]>();
      payment.remittances.forEach((r, i) => {
        const partner = matches[i]!.partner;
        if (partner) byPartner.set(partner, [...(byPartner.get(partner) ?? []), r]);
      });
      const events: number[] = [];
      for (const [partner, remittances] of byPartner) {
        const targets = partnerScoped(deps.subscribers(PAYMENT_REMITTED), partner, deps.partnerSystems);
        const amount = money(paidTotal(remittances));
        const payload: PaymentRemitted = {
          payment: { ...payment, amount, remittances },
          partner,
          paymentDocumentId: documentId,
        };
        events.push(
          await appendEvent(
            tx,
            {
              type: PAYMENT_REMITTED,
              businessKey: `payment:${payment.id}:${partner}`,
              keyVersion: 1,
              payload,
              correlationId,
            },
            targets,
          ),
        );
        if (targets.length > 0) announced++;
      }
      await auditChange(tx, {
        actor: system,
        action: "payment.received",
        subjectType: "trade-document",
        subjectId: String(documentId),
        detail: {
          paymentId: payment.id,
          amount: payment.amount,
          currency: payment.currency,
          invoices: payment.remittances.length,
          unmatched: matches.filter((m) => !m.partner).map((m) => m.invoiceId),
          events,
          correlationId,
        },
      });
      out.push({ index, id: payment.id, status: "accepted", documentId: documentId, remittances: matches });
    }
    return out;
  });
  if (announced > 0) deps.onOutboxWrite();
  return results;
}

/** What remittances pay together, exactly. */
function paidTotal(remittances: readonly Remittance[]) {
  return remittances.reduce((sum, r) => add(sum, exact(r.paid)), ZERO);
}

/** BPR02 is the sum of the RMR04s: a payment whose remittances do not add up is refused. */
function addsUp(payment: Payment, index: number): ConcordError | undefined {
  const remitted = paidTotal(payment.remittances);
  if (cmp(remitted, exact(payment.amount)) === 0) return undefined;
  return Errors.PaymentTotal(
    `payment ${payment.id} pays ${payment.amount} but its remittances add up to ${money(remitted)}`,
    { index, id: payment.id, amount: payment.amount, remitted: money(remitted) },
  );
}

/** The partner that sent each remittance's invoice: found when exactly one partner sent that number. */
async function invoicePartners(tx: Queryable, remittances: readonly Remittance[]): Promise<RemittanceMatch[]> {
  const ids = [...new Set(remittances.map((r) => r.invoiceId))];
  const rows = await tx.query<{ document_id: string; partner: string }>(
    `SELECT DISTINCT document_id, partner FROM trade_documents
     WHERE kind = 'invoice' AND direction = 'inbound' AND document_id = ANY($1::text[])`,
    [ids],
  );
  return remittances.map((r) => {
    const partners = rows.filter((x) => x.document_id === r.invoiceId).map((x) => x.partner);
    if (partners.length === 1) return { invoiceId: r.invoiceId, partner: partners[0]! };
    return {
      invoiceId: r.invoiceId,
      partner: null,
      reason: partners.length === 0 ? "unknown-invoice" : "ambiguous-invoice",
    };
  });
}
