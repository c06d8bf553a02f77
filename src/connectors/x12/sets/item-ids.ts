import { hasValidGs1CheckDigit } from "../../../model/identifiers/gs1-check-digit.js";
import { checkGtin } from "../../../model/identifiers/gtin.js";
import { normalizeNdc } from "../../../model/identifiers/ndc.js";
import type { ItemRef } from "../../../model/schemas/trade-common.js";
import type { Segment } from "../envelope/segment.js";
import type { DecodeContext } from "./mapping-context.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type ItemRefDraft = Mutable<ItemRef>;

/** DE235 product id qualifiers → ItemRef field. The first pair of a field wins. */
const FIELD_BY_QUALIFIER: Readonly<Record<string, keyof ItemRef>> = {
  VC: "supplierPartNo",
  VN: "supplierPartNo",
  VP: "supplierPartNo",
  SK: "supplierPartNo",
  MG: "manufacturerPartNo",
  BP: "buyerPartNo",
  IN: "buyerPartNo",
  CB: "buyerPartNo",
  UK: "gtin",
  EN: "gtin",
  UP: "upc",
  N4: "ndc",
  ND: "ndc",
  HI: "hibcc",
};

/** Qualifiers written on encode, in this order. */
const OUTBOUND: ReadonlyArray<readonly [keyof ItemRef, string]> = [
  ["supplierPartNo", "VC"],
  ["manufacturerPartNo", "MG"],
  ["buyerPartNo", "BP"],
  ["gtin", "UK"],
  ["upc", "UP"],
  ["ndc", "N4"],
  ["hibcc", "HI"],
];

export interface DecodedItemIds {
  readonly item: ItemRefDraft;
  readonly lot?: string;
  readonly serial?: string;
}

/**
 * Reads qualifier/value pairs from element `first` on (PO106/07…, LIN02/03…, SLN09/10…).
 * Identifier checks warn instead of rejecting: GTINs with bad check digits are common even in
 * the HIBCC guide's own examples, and the line must still be matched.
 */
export function decodeItemIds(ctx: DecodeContext, segment: Segment, first: number): DecodedItemIds {
  const item: ItemRefDraft = {};
  let lot: string | undefined;
  let serial: string | undefined;
  for (let n = first; n + 1 < segment.elements.length; n += 2) {
    const qualifier = ctx.text(segment, n);
    const raw = ctx.text(segment, n + 1);
    if (qualifier === undefined || raw === undefined) continue;
    if (qualifier === "LT") {
      lot ??= raw;
      continue;
    }
    if (qualifier === "SN") {
      serial ??= raw;
      continue;
    }
    const field = FIELD_BY_QUALIFIER[qualifier];
    if (field === undefined) {
      ctx.warn(
        segment,
        n,
        "x12.item-id-qualifier-ignored",
        `product id qualifier ${qualifier} (${raw}) is not mapped; ignored`,
      );
      continue;
    }
    const normalized = normalizeId(ctx, segment, n + 1, field, qualifier, raw);
    if (normalized === undefined) continue;
    const existing = item[field];
    if (existing === undefined) (item as Record<string, string>)[field] = normalized;
    else if (existing !== normalized) {
      ctx.warn(
        segment,
        n + 1,
        "x12.item-id-conflict",
        `${qualifier} ${raw} conflicts with ${field} ${existing} already read; kept the first`,
      );
    }
  }
  return { item, ...(lot ? { lot } : {}), ...(serial ? { serial } : {}) };
}

function normalizeId(
  ctx: DecodeContext,
  segment: Segment,
  n: number,
  field: keyof ItemRef,
  qualifier: string,
  raw: string,
): string | undefined {
  const drop = (why: string) => {
    ctx.warn(segment, n, "x12.item-id-invalid", `${qualifier} ${JSON.stringify(raw)} ${why}; ignored`);
    return undefined;
  };
  switch (field) {
    case "gtin": {
      if (!/^\d{8}$|^\d{12,14}$/.test(raw)) return drop("is not a GTIN (8, 12, 13 or 14 digits)");
      const check = checkGtin(raw);
      if (!check.checkDigitValid) {
        ctx.warn(
          segment,
          n,
          "x12.gtin-check-digit",
          `GTIN ${raw} has check digit ${raw.slice(-1)}, expected ${check.expectedCheckDigit}; kept as sent`,
        );
      }
      return check.normalized;
    }
    case "upc":
      if (!/^\d{12}$/.test(raw)) return drop("is not a 12-digit UPC-A");
      if (!hasValidGs1CheckDigit(raw))
        ctx.warn(segment, n, "x12.upc-check-digit", `UPC ${raw} has a wrong check digit; kept as sent`);
      return raw;
    case "ndc":
      try {
        // N4 is 11 digits by definition; some senders hyphenate it anyway.
        return normalizeNdc(qualifier === "N4" && /^\d{5}-?\d{4}-?\d{2}$/.test(raw) ? raw.replaceAll("-", "") : raw);
      } catch (e) {
        return drop(`is not an NDC (${(e as Error).message})`);
      }
    default:
      return raw.length > 48 ? drop("is longer than 48 characters") : raw;
  }
}

/** The qualifier/value pairs for an item, in a fixed order. */
export function encodeItemIds(item: ItemRef, extra: { lot?: string; serial?: string } = {}): string[] {
  const out: string[] = [];
  for (const [field, qualifier] of OUTBOUND) {
    const v = item[field];
    if (typeof v === "string") out.push(qualifier, v);
  }
  if (extra.lot) out.push("LT", extra.lot);
  if (extra.serial) out.push("SN", extra.serial);
  return out;
}

/** True when a decoded item carries at least one identifier or a description (the schema needs one). */
export function hasIdentity(item: ItemRefDraft): boolean {
  return Object.keys(item).length > 0;
}

/** A lone GTIN element (PKL02, SLN GTIN): normalised to 14 digits, check digit warned, malformed dropped. */
export function decodeGtin(ctx: DecodeContext, segment: Segment, n: number): string | undefined {
  const raw = ctx.text(segment, n);
  return raw === undefined ? undefined : normalizeId(ctx, segment, n, "gtin", "UK", raw);
}
