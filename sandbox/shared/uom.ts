import { UOMS, type Uom, uomToCode } from "../../src/model/index.js";

/**
 * The sandbox's CLM, procurement and ERP speak ANSI X12 DE355 unit codes. The code table is the
 * canonical model's own (src/model/identifiers/uom.ts); these are views of it.
 */
export const toX12 = (uom: Uom): string => uomToCode("x12", uom);

export const CANONICAL_TO_X12: Readonly<Record<Uom, string>> = Object.fromEntries(
  UOMS.map((u) => [u, toX12(u)]),
) as Record<Uom, string>;

export const X12_TO_CANONICAL: Readonly<Record<string, Uom>> = Object.fromEntries(UOMS.map((u) => [toX12(u), u]));

export const X12_CODES = Object.values(CANONICAL_TO_X12);
