import type { SegmentError } from "./edi.js";
import type { TransactionSet } from "./x12.js";

/** What accounts payable told the distributor about one of its invoices (an 824 from the hub). */
export interface InvoiceAdviceContent {
  /** OTI03 (OTI02 IV): the distributor's own invoice number. */
  invoiceNumber: string;
  /** OTI01: TA accepted, TC accepted with a change (short-paid), TR rejected. */
  code: string;
  outcome: "accepted" | "accepted-with-change" | "rejected" | "other";
  /** REF*PO, when the hub named one. */
  poNumber: string | null;
  /** AMT*5 (invoiced) and AMT*NP (to be paid), as written. */
  invoiced: string | null;
  netToPay: string | null;
  /** Each TED02 (the rule and resolution) with the NTE text that followed it. */
  reasons: { reason: string; note: string }[];
}

const OUTCOMES: Record<string, InvoiceAdviceContent["outcome"]> = {
  TA: "accepted",
  TC: "accepted-with-change",
  TR: "rejected",
};

/** Reads an 824 the way the distributor's translator does: one OTI naming an invoice, or an AK3 for its absence. */
export function readInvoiceAdvice(set: TransactionSet): {
  content: InvoiceAdviceContent | null;
  errors: SegmentError[];
} {
  const oti = set.segments.findIndex((s) => s[0] === "OTI");
  const head = set.segments[oti];
  const invoiceNumber = head?.[2] === "IV" ? head[3] : undefined;
  if (!head || !invoiceNumber) {
    return {
      content: null,
      // AK304: 3 mandatory segment missing, 8 segment has data element errors.
      errors: [
        {
          segmentId: "OTI",
          position: head ? oti + 1 : 1,
          code: head ? "8" : "3",
          elements: [],
          message: "824 without an OTI naming an invoice (OTI02 IV)",
        },
      ],
    };
  }
  const content: InvoiceAdviceContent = {
    invoiceNumber,
    code: head[1] ?? "",
    outcome: OUTCOMES[head[1] ?? ""] ?? "other",
    poNumber: null,
    invoiced: null,
    netToPay: null,
    reasons: [],
  };
  for (const seg of set.segments.slice(oti + 1)) {
    const [id, e1, e2] = seg;
    if (id === "REF" && e1 === "PO") content.poNumber = e2 ?? null;
    else if (id === "AMT" && e1 === "5") content.invoiced = e2 ?? null;
    else if (id === "AMT" && e1 === "NP") content.netToPay = e2 ?? null;
    else if (id === "TED") content.reasons.push({ reason: e2 ?? "", note: "" });
    else if (id === "NTE" && content.reasons.length > 0) {
      const last = content.reasons.at(-1)!;
      last.note = last.note ? `${last.note} ${e2 ?? ""}` : (e2 ?? "");
    }
  }
  return { content, errors: [] };
}
