import type { PaymentTerms } from "../../../model/schemas/trade-common.js";
import type { Segment } from "../envelope/segment.js";
import type { DecodeContext } from "./mapping-context.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function days(ctx: DecodeContext, segment: Segment, n: number): number | undefined {
  const raw = ctx.text(segment, n);
  if (raw === undefined) return undefined;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) > 365) {
    ctx.fail(segment, `${JSON.stringify(raw)} is not a number of days (0-365)`, {
      element: n,
      elementCode: "6",
      badValue: raw,
    });
  }
  return Number(raw);
}

/** ITD → terms: ITD03 discount %, ITD05 discount days, ITD07 net days, ITD12 description. */
export function decodeTerms(ctx: DecodeContext, segment: Segment): PaymentTerms | undefined {
  const netDays = days(ctx, segment, 7);
  if (netDays === undefined) {
    ctx.warn(segment, 7, "x12.terms-no-net-days", "ITD without net days (ITD07) is not mapped to payment terms");
    return undefined;
  }
  const terms: Mutable<PaymentTerms> = { netDays };
  const percent = ctx.decimal(segment, 3, { nonNegative: true });
  if (percent !== undefined) {
    if (/^\d{1,2}(\.\d{1,4})?$/.test(percent)) terms.discountPercent = percent;
    else ctx.warn(segment, 3, "x12.terms-discount", `discount ${percent}% is out of range; not mapped`);
  }
  const discountDays = days(ctx, segment, 5);
  if (discountDays !== undefined) terms.discountDays = discountDays;
  const description = ctx.text(segment, 12);
  if (description) terms.description = description.slice(0, 200);
  return terms;
}
