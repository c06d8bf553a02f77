import type { PaymentTerms } from "../../model/index.js";
import { type XmlElement, xmlElement } from "../xml/index.js";
import type { CxmlCursor } from "./cxml-cursor.js";
import { toDecimal } from "./cxml-values.js";

function days(term: CxmlCursor): number {
  const raw = term.attr("payInNumberOfDays") ?? "0";
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 365)
    throw term.fail(`payInNumberOfDays ${JSON.stringify(raw)} is not 0–365`);
  return n;
}

/**
 * cXML states "2/10 net 30" as two PaymentTerm elements: one of 30 days, one of 10 days with
 * Discount/DiscountPercent 2. The longest term without a discount is the net term.
 */
export function decodePaymentTerms(terms: readonly CxmlCursor[]): PaymentTerms | undefined {
  if (terms.length === 0) return undefined;
  let netDays: number | undefined;
  let discount: { days: number; percent: string } | undefined;
  let description: string | undefined;
  for (const term of terms) {
    const percent = term.child("Discount")?.child("DiscountPercent")?.attr("percent");
    if (percent !== undefined) {
      const p = toDecimal(percent, term, "DiscountPercent/@percent");
      if (!p.startsWith("-")) discount ??= { days: days(term), percent: p };
      continue;
    }
    netDays = Math.max(netDays ?? 0, days(term));
    for (const x of term.children("Extrinsic")) if (x.attr("name") === "description") description ??= x.text();
  }
  netDays ??= Math.max(...terms.map(days));
  return {
    netDays,
    ...(discount ? { discountPercent: discount.percent, discountDays: discount.days } : {}),
    ...(description === undefined ? {} : { description }),
  };
}

export function encodePaymentTerms(t: PaymentTerms | undefined): XmlElement[] {
  if (!t) return [];
  const out = [
    xmlElement(
      "PaymentTerm",
      { payInNumberOfDays: String(t.netDays) },
      t.description !== undefined && xmlElement("Extrinsic", { name: "description" }, t.description),
    ),
  ];
  if (t.discountPercent !== undefined) {
    out.push(
      xmlElement(
        "PaymentTerm",
        { payInNumberOfDays: String(t.discountDays ?? 0) },
        xmlElement("Discount", {}, xmlElement("DiscountPercent", { percent: t.discountPercent })),
      ),
    );
  }
  return out;
}
