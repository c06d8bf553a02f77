import type { InvoiceDecision, InvoicePaymentDecision } from "../../../model/events/invoice-decision.js";
import type { EncodedSet, SegmentValues } from "../envelope/encode-interchange.js";

/**
 * OTI01, the application acknowledgment code: TA (transaction set accept) for a release, TC (accept
 * with change) for a short-pay, whose amount is not the invoiced one, TR (reject) for a rejection.
 */
export const ADVICE_CODE: Readonly<Record<InvoicePaymentDecision, "TA" | "TC" | "TR">> = {
  release: "TA",
  "short-pay": "TC",
  reject: "TR",
};

/** TED01 024 "other unlisted reason": a resolution is a person's decision, not a syntax error. */
const RESOLUTION_CONDITION = "024";
/** TED02 is AN 1/60, NTE02 AN 1/80: the whole reason goes in NTEs of at most 80 characters. */
const TED02_MAX = 60;
const NTE02_MAX = 80;

/**
 * What accounts payable decided about a partner's invoice, as the X12 824 Application Advice it
 * expects (functional group AG): one OTI loop naming the invoice (OTI02 IV, the seller's invoice
 * number; OTI09/OTI10 its ST02 and 810 when it came as X12), its PO (REF PO), the invoiced and the
 * approved amounts (AMT 5 total invoice amount, AMT NP net to pay), and per resolution a TED with
 * its rule and code, and NTEs with the person's reason. The cXML counterpart is a
 * StatusUpdateRequest (cxml-order-request).
 */
export function invoiceAdviceSet(d: InvoiceDecision, version: string): EncodedSet {
  const decidedAt = new Date(d.decidedAt);
  const iso = decidedAt.toISOString();
  const segments: SegmentValues[] = [
    // BGN02: the decision's own reference; the invoice document id keeps it unique per invoice.
    ["BGN", "00", `INVDEC-${d.invoiceDocumentId}`, ccyymmdd(iso), iso.slice(11, 13) + iso.slice(14, 16)],
    [
      "OTI",
      ADVICE_CODE[d.decision],
      "IV",
      d.invoiceId,
      "",
      "",
      ccyymmdd(d.invoiceDate),
      "",
      "",
      setControlOf(d.source.format) ?? "",
      "810",
    ],
  ];
  if (d.purchaseOrderId) segments.push(["REF", "PO", d.purchaseOrderId]);
  segments.push(["DTM", "003", ccyymmdd(d.invoiceDate)]);
  segments.push(["AMT", "5", d.total], ["AMT", "NP", d.approvedAmount]);
  for (const r of d.resolutions) {
    segments.push(["TED", RESOLUTION_CONDITION, plainText(`${r.rule} ${r.code}`).slice(0, TED02_MAX)]);
    for (const note of chunks(plainText(`${r.reason} (${r.resolvedBy})`), NTE02_MAX))
      segments.push(["NTE", "GEN", note]);
  }
  return { setId: "824", functionalId: "AG", version, segments };
}

/** The ST02 of an invoice kept as "x12-810 ST 0001" (receive-x12.ts); undefined for other formats. */
function setControlOf(format: string): string | undefined {
  return /^x12-810 ST (\S{4,9})$/.exec(format)?.[1];
}

const ccyymmdd = (isoDate: string) => isoDate.slice(0, 10).replaceAll("-", "");

/**
 * Free text a person wrote, reduced to characters no partner uses as a separator (X12 cannot
 * escape one: `*`, `~`, `>`, `^`, `:`, `|` and the like become spaces) and to one line.
 */
export function plainText(text: string): string {
  return text
    .replace(/[^A-Za-z0-9 .,;'"()/&+\-?!=%@#$_]/g, " ")
    .replace(/ +/g, " ")
    .trim();
}

/** Splits text into element-sized pieces, between words where there is a space to break at. */
function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const space = rest.lastIndexOf(" ", max);
    const cut = space > 0 ? space : max;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}
