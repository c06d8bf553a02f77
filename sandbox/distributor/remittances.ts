import type { SegmentError } from "./edi.js";
import type { TransactionSet } from "./x12.js";

/** One invoice a payment settles, as the distributor's receivables desk reads an RMR. */
export interface RemittedInvoice {
  invoiceNumber: string;
  poNumber: string | null;
  paid: string;
  invoiced: string | null;
  discount: string | null;
}

/** What the hub told the distributor it was paid (an 820 from the hub). */
export interface RemittanceContent {
  /** TRN02: the payment's trace number. */
  trace: string;
  /** BPR02 and BPR04 (ACH, CHK, FWT …). */
  amount: string;
  method: string;
  /** BPR16 as YYYY-MM-DD, when given. */
  paymentDate: string | null;
  invoices: RemittedInvoice[];
}

const isoDate = (v: string | undefined) =>
  v && /^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}` : null;

/** Reads an 820 the way the distributor's translator does: a BPR, a TRN and at least one RMR, or AK3s. */
export function readRemittance(set: TransactionSet): { content: RemittanceContent | null; errors: SegmentError[] } {
  const bpr = set.segments.find((s) => s[0] === "BPR");
  const trn = set.segments.find((s) => s[0] === "TRN");
  const invoices: RemittedInvoice[] = [];
  for (const seg of set.segments) {
    if (seg[0] === "RMR")
      invoices.push({
        invoiceNumber: seg[2] ?? "",
        poNumber: null,
        paid: seg[4] ?? "",
        invoiced: seg[5] || null,
        discount: seg[6] || null,
      });
    else if (seg[0] === "REF" && seg[1] === "PO" && invoices.length > 0) invoices.at(-1)!.poNumber = seg[2] ?? null;
  }
  // AK304 3: mandatory segment missing.
  const missing = [...(bpr ? [] : ["BPR"]), ...(trn?.[2] ? [] : ["TRN"]), ...(invoices.length > 0 ? [] : ["RMR"])];
  if (!bpr || !trn?.[2] || missing.length > 0) {
    return {
      content: null,
      errors: missing.map((id) => ({
        segmentId: id,
        position: 1,
        code: "3",
        elements: [],
        message: `820 without ${id}`,
      })),
    };
  }
  return {
    content: { trace: trn[2], amount: bpr[2] ?? "", method: bpr[4] ?? "", paymentDate: isoDate(bpr[16]), invoices },
    errors: [],
  };
}
