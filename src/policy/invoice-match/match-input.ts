import type { Contract, Invoice, Item, PurchaseOrder, Receipt } from "../../model/index.js";

/** A PO line by its document and line ids. */
export interface PoLineRef {
  readonly purchaseOrderId: string;
  readonly lineId: string;
}

/**
 * An invoice seen before, as the caller recorded it. Its lines say how much of each PO line it
 * already billed (in the PO line's unit, as LineMatch.invoicedQuantity reports it). Pass only
 * invoices whose billing still stands: a rejected or voided invoice consumes nothing.
 */
export interface PriorInvoice {
  readonly supplierId: string;
  /** The supplier's invoice number (Invoice.id). */
  readonly invoiceNumber: string;
  readonly invoiceDate: string;
  readonly total: string;
  readonly currency: string;
  /**
   * The hub's id for the stored document. When it equals MatchInput.documentId the entry is the
   * invoice being matched (a held invoice re-matched after its receipt arrives) and is skipped.
   */
  readonly documentId?: string;
  readonly lines: readonly {
    readonly purchaseOrderId: string;
    readonly purchaseOrderLineId: string;
    readonly quantity: string;
  }[];
}

/** Everything the match reads. Documents are canonical and validated; nothing is fetched. */
export interface MatchInput {
  readonly invoice: Invoice;
  /** The canonical supplier id the invoice was resolved to (duplicates are per supplier). */
  readonly supplierId: string;
  readonly documentId?: string;
  /** Current versions of the POs the invoice may bill; a repeated id keeps the last one. */
  readonly purchaseOrders: readonly PurchaseOrder[];
  readonly receipts: readonly Receipt[];
  readonly items: readonly Item[] | ReadonlyMap<string, Item>;
  /** Released contract versions (see resolveEffectivePrice). */
  readonly contracts: readonly Contract[];
  readonly history: readonly PriorInvoice[];
  /** PO lines flagged bill-only by the buyer (consignment, implant log): matched two-way. */
  readonly billOnlyLines?: readonly PoLineRef[];
  /** The clock: when the exceptions are raised. */
  readonly now: Date;
}
