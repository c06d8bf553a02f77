import { Type } from "@sinclair/typebox";

/**
 * Canonical units of measure are words, not codes: the two-letter codes collide across standards
 * (X12 `CA` = case but cXML/UN-CEFACT `CA` = can, X12 `CS` = cassette). Codecs translate per standard
 * and per partner (see identifiers/uom.ts).
 */
export const UOMS = [
  "each",
  "box",
  "case",
  "pack",
  "carton",
  "dozen",
  "bag",
  "kit",
  "pair",
  "roll",
  "bottle",
  "vial",
  "tray",
  "set",
  "tube",
  "can",
  "piece",
  "pound",
] as const;
export type Uom = (typeof UOMS)[number];

export const UomSchema = Type.Union(
  UOMS.map((u) => Type.Literal(u)),
  { description: "Canonical unit of measure" },
);
