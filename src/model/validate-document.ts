import type { TSchema } from "@sinclair/typebox";
import { type TypeCheck, TypeCompiler } from "@sinclair/typebox/compiler";
import { type Invoice, InvoiceSchema } from "./schemas/invoice.js";
import { type OrderConfirmation, OrderConfirmationSchema } from "./schemas/order-confirmation.js";
import { type Payment, PaymentSchema } from "./schemas/payment.js";
import { type PriceAuthorization, PriceAuthorizationSchema } from "./schemas/price-authorization.js";
import { type PriceCatalog, PriceCatalogSchema } from "./schemas/price-catalog.js";
import { type PurchaseOrder, PurchaseOrderSchema } from "./schemas/purchase-order.js";
import { type Receipt, ReceiptSchema } from "./schemas/receipt.js";
import { type Requisition, RequisitionSchema } from "./schemas/requisition.js";
import { type ShipNotice, ShipNoticeSchema } from "./schemas/ship-notice.js";
import { schemaIssues, type ValidationResult } from "./validate.js";

/** Trade documents exchanged with partners, by their `kind`. */
export interface DocumentTypes {
  "purchase-order": PurchaseOrder;
  "order-confirmation": OrderConfirmation;
  "ship-notice": ShipNotice;
  invoice: Invoice;
  "price-catalog": PriceCatalog;
  "price-authorization": PriceAuthorization;
  receipt: Receipt;
  requisition: Requisition;
  payment: Payment;
}
export type DocumentKind = keyof DocumentTypes;
export type TradeDocument = DocumentTypes[DocumentKind];

const SCHEMAS: Readonly<Record<DocumentKind, TSchema>> = {
  "purchase-order": PurchaseOrderSchema,
  "order-confirmation": OrderConfirmationSchema,
  "ship-notice": ShipNoticeSchema,
  invoice: InvoiceSchema,
  "price-catalog": PriceCatalogSchema,
  "price-authorization": PriceAuthorizationSchema,
  receipt: ReceiptSchema,
  requisition: RequisitionSchema,
  payment: PaymentSchema,
};

const compiled = new Map<DocumentKind, TypeCheck<TSchema>>();

/** Schema check of a trade document; codecs run it on what they decode and before they encode. */
export function validateDocument<K extends DocumentKind>(kind: K, value: unknown): ValidationResult<DocumentTypes[K]> {
  let checker = compiled.get(kind);
  if (!checker) {
    const schema = SCHEMAS[kind];
    if (!schema) throw new Error(`unknown document kind ${JSON.stringify(kind)}`);
    checker = TypeCompiler.Compile(schema);
    compiled.set(kind, checker);
  }
  if (!checker.Check(value)) return { ok: false, issues: schemaIssues(checker.Errors(value)) };
  return { ok: true, value: value as DocumentTypes[K] };
}
