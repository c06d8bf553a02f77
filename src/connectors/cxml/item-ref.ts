import { checkGtin, type ItemRef, isValidUnspsc, normalizeNdc } from "../../model/index.js";
import { type XmlElement, xmlElement } from "../xml/index.js";
import type { CxmlCursor } from "./cxml-cursor.js";

type MutableItemRef = { -readonly [K in keyof ItemRef]: ItemRef[K] };

const GTIN_DOMAINS = new Set(["gtin", "gtin-14", "gtin-13", "gtin-12", "gtin-8", "ean", "ean-13", "ean13", "ean-8"]);
const DESCRIPTION_MAX = 500;

/** `<ItemID>`: SupplierPartID, BuyerPartID and IdReference (GTIN/EAN, UPC, NDC, HIBC) into `into`. */
export function decodeItemId(itemId: CxmlCursor | undefined, into: MutableItemRef): void {
  if (!itemId) return;
  const supplierPartNo = itemId.childText("SupplierPartID");
  if (supplierPartNo !== undefined) into.supplierPartNo = supplierPartNo;
  const buyerPartNo = itemId.childText("BuyerPartID");
  if (buyerPartNo !== undefined) into.buyerPartNo = buyerPartNo;
  for (const ref of itemId.children("IdReference")) {
    const domain = (ref.attr("domain") ?? "").toLowerCase();
    const value = ref.attr("identifier");
    if (value === undefined) continue;
    if (GTIN_DOMAINS.has(domain)) {
      try {
        const g = checkGtin(value);
        into.gtin = g.normalized;
        if (!g.checkDigitValid) {
          ref.warn("cxml.gtin-check-digit", `GTIN ${value} has a wrong check digit (expected ${g.expectedCheckDigit})`);
        }
      } catch {
        ref.warn("cxml.gtin-invalid", `IdReference ${domain} ${JSON.stringify(value)} is not a GTIN; ignored`);
      }
    } else if (domain === "upc") {
      if (/^\d{12}$/.test(value)) into.upc = value;
      else ref.warn("cxml.upc-invalid", `UPC ${JSON.stringify(value)} is not 12 digits; ignored`);
    } else if (domain === "ndc") {
      try {
        into.ndc = normalizeNdc(value);
      } catch (e) {
        ref.warn("cxml.ndc-invalid", `${(e as Error).message}; ignored`);
      }
    } else if (domain === "hibc" || domain === "hibcc") {
      into.hibcc = value;
    }
  }
}

/**
 * Description (its text, else its ShortName), UNSPSC Classification and ManufacturerPartID of an
 * ItemDetail-like element. A UNSPSC that is not 8 digits (the corpus has "ean1234") is a warning.
 */
export function decodeItemFacts(detail: CxmlCursor | undefined, into: MutableItemRef): void {
  if (!detail) return;
  const description = detail.child("Description");
  const text = description ? (description.text() ?? description.childText("ShortName")) : undefined;
  if (text !== undefined) {
    if (text.length > DESCRIPTION_MAX) {
      description!.warn("cxml.description-truncated", `description cut to ${DESCRIPTION_MAX} characters`);
    }
    into.description = text.slice(0, DESCRIPTION_MAX);
  }
  for (const c of detail.children("Classification")) {
    if ((c.attr("domain") ?? "").toUpperCase() !== "UNSPSC") continue;
    const code = c.text();
    if (code === undefined) continue;
    if (isValidUnspsc(code)) into.unspsc = code;
    else c.warn("cxml.unspsc-invalid", `UNSPSC ${JSON.stringify(code)} is not an 8-digit code; ignored`);
  }
  const mpn = detail.childText("ManufacturerPartID");
  if (mpn !== undefined) into.manufacturerPartNo = mpn;
}

/** Refuses a line whose item carries nothing to identify it by (ItemRef needs at least one field). */
export function finishItem(item: MutableItemRef, at: CxmlCursor): ItemRef {
  if (Object.keys(item).length === 0) throw at.fail("the line identifies no item (no part id, GTIN or description)");
  return item;
}

/** `<ItemID>`; SupplierPartID is required by the DTD, so an item without one gets an empty element. */
export function encodeItemId(item: ItemRef): XmlElement {
  return xmlElement(
    "ItemID",
    {},
    xmlElement("SupplierPartID", {}, item.supplierPartNo ?? ""),
    item.buyerPartNo !== undefined && xmlElement("BuyerPartID", {}, item.buyerPartNo),
    item.gtin !== undefined && xmlElement("IdReference", { identifier: item.gtin, domain: "GTIN" }),
    item.upc !== undefined && xmlElement("IdReference", { identifier: item.upc, domain: "UPC" }),
    item.ndc !== undefined && xmlElement("IdReference", { identifier: item.ndc, domain: "NDC" }),
    item.hibcc !== undefined && xmlElement("IdReference", { identifier: item.hibcc, domain: "HIBC" }),
  );
}

export function encodeDescription(item: ItemRef, lang: string): XmlElement {
  return xmlElement("Description", { "xml:lang": lang }, item.description ?? "");
}

export function encodeClassification(item: ItemRef): XmlElement {
  return xmlElement("Classification", { domain: "UNSPSC" }, item.unspsc ?? "");
}

export function encodeManufacturerPartId(item: ItemRef): XmlElement | undefined {
  return item.manufacturerPartNo === undefined
    ? undefined
    : xmlElement("ManufacturerPartID", {}, item.manufacturerPartNo);
}

export type { MutableItemRef };
