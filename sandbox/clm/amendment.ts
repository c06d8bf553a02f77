import { type Static, Type } from "@sinclair/typebox";
import { padDecimal4 } from "../shared/decimal.js";
import { Day, Decimal, NullableDate, Ref, X12Uom } from "../shared/native-schema.js";
import type { ClmAgreement, ClmPricingLine } from "./types.js";

const TierCode = Type.String({ pattern: "^T[1-9]$" });
const PriceChange = Type.Object(
  {
    itemCode: Ref,
    uom: X12Uom,
    price: Decimal,
    tiers: Type.Optional(
      Type.Array(Type.Object({ tierCode: TierCode, price: Decimal }, { additionalProperties: false }), {
        maxItems: 9,
      }),
    ),
  },
  { additionalProperties: false },
);

export const AmendmentSchema = Type.Object(
  {
    effectiveDate: Day,
    priceChanges: Type.Optional(Type.Array(PriceChange)),
    addItems: Type.Optional(Type.Array(PriceChange)),
    removeItemCodes: Type.Optional(Type.Array(Ref)),
    siteChanges: Type.Optional(
      Type.Array(
        Type.Object(
          { siteCode: Ref, tierCode: TierCode, eligibleFrom: Day, eligibleTo: Type.Optional(NullableDate) },
          { additionalProperties: false },
        ),
      ),
    ),
    endDate: Type.Optional(Day),
    /** FISCAL_PERIOD: the new prices start at the first fiscal period start on or after effectiveDate. */
    priceActivation: Type.Optional(Type.Union([Type.Literal("EFFECTIVE_DATE"), Type.Literal("FISCAL_PERIOD")])),
  },
  { additionalProperties: false },
);
export type AmendmentRequest = Static<typeof AmendmentSchema>;

export interface AmendmentContext {
  itemExists(itemCode: string): boolean;
  siteExists(siteCode: string): boolean;
  /** Item codes the rejectItems fault says to refuse. */
  rejected(itemCodes: readonly string[]): string[];
}

export type AmendmentResult =
  | { ok: true; agreement: ClmAgreement }
  | { ok: false; status: 400; field: string; message: string }
  | { ok: false; status: 422; items: string[] };

const bad = (field: string, message: string): AmendmentResult => ({ ok: false, status: 400, field, message });

/**
 * Pure: the next full snapshot (amendmentNo + 1). Changed and added lines take effect on the
 * amendment's effective date; everything else is carried over unchanged.
 */
export function applyAmendment(current: ClmAgreement, req: AmendmentRequest, ctx: AmendmentContext): AmendmentResult {
  const endDate = req.endDate ?? current.endDate;
  if (endDate < current.startDate) return bad("endDate", `endDate ${endDate} is before startDate ${current.startDate}`);
  if (req.effectiveDate > endDate) return bad("effectiveDate", `effectiveDate is after the agreement end ${endDate}`);
  const touched = [...(req.priceChanges ?? []), ...(req.addItems ?? [])].map((c) => c.itemCode);
  const unknown = [...new Set([...touched.filter((c) => !ctx.itemExists(c)), ...ctx.rejected(touched)])];
  if (unknown.length > 0) return { ok: false, status: 422, items: unknown };

  let pricing: ClmPricingLine[] = current.pricing.map((l) => ({ ...l, tiers: [...l.tiers] }));
  const toLine = (
    c: NonNullable<AmendmentRequest["priceChanges"]>[number],
    lineRef: number,
    validTo: string | null,
  ) => ({
    lineRef,
    itemCode: c.itemCode,
    uom: c.uom,
    price: padDecimal4(c.price),
    tiers: (c.tiers ?? []).map((t) => ({ tierCode: t.tierCode, price: padDecimal4(t.price) })),
    validFrom: req.effectiveDate,
    validTo,
  });
  for (const [i, c] of (req.priceChanges ?? []).entries()) {
    const candidates = pricing.filter((l) => l.itemCode === c.itemCode);
    const line = candidates.find((l) => l.uom === c.uom) ?? candidates[0];
    if (!line) return bad(`priceChanges[${i}].itemCode`, `${c.itemCode} is not priced on ${current.agreementNo}`);
    const next = toLine(c, line.lineRef, line.validTo);
    // A price change without tiers keeps the line's existing tier prices.
    if (c.tiers === undefined) next.tiers = line.tiers;
    pricing = pricing.map((l) => (l === line ? next : l));
  }
  for (const code of req.removeItemCodes ?? []) {
    if (!pricing.some((l) => l.itemCode === code))
      return bad("removeItemCodes", `${code} is not priced on ${current.agreementNo}`);
    pricing = pricing.filter((l) => l.itemCode !== code);
  }
  let nextRef = Math.max(0, ...current.pricing.map((l) => l.lineRef)) + 1;
  for (const [i, c] of (req.addItems ?? []).entries()) {
    if (pricing.some((l) => l.itemCode === c.itemCode && l.uom === c.uom))
      return bad(`addItems[${i}].itemCode`, `${c.itemCode} (${c.uom}) is already priced; use priceChanges`);
    pricing.push(toLine(c, nextRef++, null));
  }
  if (pricing.length === 0) return bad("removeItemCodes", "an agreement must keep at least one priced item");

  const sites = current.sites.map((s) => ({ ...s }));
  for (const [i, s] of (req.siteChanges ?? []).entries()) {
    if (!ctx.siteExists(s.siteCode)) return bad(`siteChanges[${i}].siteCode`, `unknown site ${s.siteCode}`);
    if (s.eligibleTo && s.eligibleTo < s.eligibleFrom)
      return bad(`siteChanges[${i}].eligibleTo`, "before eligibleFrom");
    const row = {
      siteCode: s.siteCode,
      tierCode: s.tierCode,
      eligibleFrom: s.eligibleFrom,
      eligibleTo: s.eligibleTo ?? null,
    };
    const at = sites.findIndex((x) => x.siteCode === s.siteCode);
    if (at >= 0) sites[at] = row;
    else sites.push(row);
  }
  // How prices start is the amendment's own choice: the next one starts from the default again.
  const { priceActivation: _previous, ...carried } = current;
  return {
    ok: true,
    agreement: {
      ...carried,
      ...(req.priceActivation ? { priceActivation: req.priceActivation } : {}),
      amendmentNo: current.amendmentNo + 1,
      endDate,
      pricing,
      sites,
      incentives: [...current.incentives],
    },
  };
}
