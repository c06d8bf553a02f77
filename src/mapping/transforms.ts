import { formatDecimal, parseDecimal, type Uom, uomFromCode, uomToCode } from "../model/index.js";

/** Named value transforms usable from mapping specs. They throw on bad input; the mapper turns that into an issue. */
export const transforms: Readonly<Record<string, (value: unknown) => unknown>> = {
  "x12-uom-to-canonical": (v) => uomFromCode("x12", String(v)),
  "canonical-to-x12-uom": (v) => uomToCode("x12", v as Uom),
  string: (v) => String(v),
  /** Normalises a decimal string ("12.3400" → "12.34"); rejects anything that is not one. */
  decimal: (v) => formatDecimal(parseDecimal(String(v))),
  "tier-code-to-number": (v) => {
    const m = /^T([1-9])$/.exec(String(v));
    if (!m) throw new Error(`tier code "${String(v)}" is not T1..T9`);
    return Number(m[1]);
  },
  "number-to-tier-code": (v) => `T${Number(v)}`,
};
