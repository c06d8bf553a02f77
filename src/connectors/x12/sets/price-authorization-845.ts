import type {
  AuthorizedMember,
  AuthorizedPrice,
  PriceAuthorization,
} from "../../../model/schemas/price-authorization.js";
import type { Party } from "../../../model/schemas/trade-common.js";
import type { SegmentValues } from "../envelope/encode-interchange.js";
import type { TransactionSet } from "../envelope/interchange-types.js";
import type { Segment } from "../envelope/segment.js";
import type { EncodeContext } from "./encode-context.js";
import { decodeItemIds, encodeItemIds, hasIdentity, type ItemRefDraft } from "./item-ids.js";
import { type DecodeContext, x12Date } from "./mapping-context.js";
import { encodeParty, PartyCollector } from "./parties.js";
import { decodeCurrency } from "./purchase-order-850.js";
import { bodyOf, checkedForEncode, decoded } from "./validated.js";

type Action = PriceAuthorization["action"];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** BPA01 (DE353). */
const ACTION_BY_BPA01: Readonly<Record<string, Action>> = {
  "00": "add",
  "04": "change",
  "05": "change",
  "03": "delete",
  "01": "delete",
};
const BPA01: Readonly<Record<Action, string>> = { add: "00", change: "04", delete: "03" };
/** REF*TD (members) and PAD03 (prices): A add, C change, D delete. */
const ACTION_BY_LETTER: Readonly<Record<string, Action>> = { A: "add", C: "change", D: "delete" };
const LETTER: Readonly<Record<Action, string>> = { add: "A", change: "C", delete: "D" };

type MemberDraft = Mutable<Omit<AuthorizedMember, "party">> & { party: Party };
type PriceDraft = Mutable<AuthorizedPrice> & { item: ItemRefDraft; segment: Segment; priced: boolean };

/**
 * 845 → PriceAuthorization. N1 loops before CON are the parties (manufacturer, GPO); N1 loops
 * after CON are eligible members; PAD loops are the authorized prices.
 */
export function decodePriceAuthorization(set: TransactionSet, ctx: DecodeContext): PriceAuthorization {
  const headerParties = new PartyCollector(ctx);
  const memberParties = new PartyCollector(ctx);
  let bpa: Segment | undefined;
  let cur: Segment | undefined;
  let contractNumber: string | undefined;
  let effectiveFrom: string | undefined;
  let expiresOn: string | undefined;
  let inContract = false;
  const members: MemberDraft[] = [];
  const prices: PriceDraft[] = [];
  let member: MemberDraft | undefined;
  let price: PriceDraft | undefined;
  for (const seg of bodyOf(set)) {
    const q = ctx.text(seg, 1);
    if (member && seg.id === "REF" && q === "TD") {
      const letter = ctx.text(seg, 2) ?? "";
      member.action =
        ACTION_BY_LETTER[letter] ??
        ctx.fail(seg, `REF*TD ${JSON.stringify(letter)} is not A, C or D`, { element: 2, badValue: letter });
      continue;
    }
    if (member && seg.id === "REF" && q === "ZZ" && ctx.text(seg, 3) === "TIER") {
      const tier = ctx.text(seg, 2) ?? "";
      if (!/^[1-9]$/.test(tier))
        ctx.fail(seg, `tier ${JSON.stringify(tier)} is not 1-9`, { element: 2, badValue: tier });
      member.tier = Number(tier);
      continue;
    }
    if (member && seg.id === "DTM" && (q === "129" || q === "130")) {
      const d = ctx.date(seg, 2);
      if (d && q === "129") member.from = d;
      if (d && q === "130") member.to = d;
      continue;
    }
    if (headerParties.continues(seg) || memberParties.continues(seg)) continue;
    switch (seg.id) {
      case "BPA":
        bpa = seg;
        break;
      case "CUR":
        cur ??= seg;
        break;
      case "REF":
        if (!inContract && (q === "BC" || q === "CT")) contractNumber ??= ctx.text(seg, 2);
        break;
      case "CON":
        inContract = true;
        contractNumber = ctx.required(seg, 2, "contract number");
        break;
      case "DTM": {
        const d =
          q === "092" || q === "093" || q === "131" || q === "132" || q === "007" ? ctx.date(seg, 2) : undefined;
        if (d === undefined) break;
        if (price && (q === "131" || q === "007")) price.from = d;
        else if (price && q === "132") price.to = d;
        else if (!price && q === "092") effectiveFrom = d;
        else if (!price && q === "093") expiresOn = d;
        break;
      }
      case "N1":
        member = undefined;
        if (!inContract) headerParties.n1(seg);
        else {
          const party = memberParties.n1(seg);
          member = { party, action: "add" };
          members.push(member);
        }
        break;
      case "PAD": {
        member = undefined;
        const letter = ctx.text(seg, 3) ?? "A";
        const action =
          ACTION_BY_LETTER[letter] ??
          ctx.fail(seg, `PAD03 ${JSON.stringify(letter)} is not A, C or D`, { element: 3, badValue: letter });
        price = { item: {}, action, uom: "each", unitPrice: "0", segment: seg, priced: false };
        prices.push(price);
        break;
      }
      case "PID":
        if (price && price.item.description === undefined && ctx.text(seg, 5))
          price.item.description = ctx.text(seg, 5)!.slice(0, 500);
        break;
      case "LIN":
        if (price) Object.assign(price.item, decodeItemIds(ctx, seg, 2).item);
        break;
      case "CTP":
        if (price && !price.priced) {
          price.unitPrice =
            ctx.decimal(seg, 3, { nonNegative: true }) ??
            ctx.fail(seg, "CTP03 (unit price) is required", { element: 3, elementCode: "1" });
          const unit = (ctx.text(seg, 5) ?? "").split(ctx.separators.component)[0]!;
          price.uom = ctx.uom(seg, 5, unit);
          price.priced = true;
        }
        break;
    }
  }
  if (bpa === undefined) return ctx.missingSegment("BPA", "beginning segment for price authorization");
  if (contractNumber === undefined) return ctx.missingSegment("CON", "the contract number is required");
  const code = ctx.text(bpa, 1) ?? "";
  const action =
    ACTION_BY_BPA01[code] ??
    ctx.fail(bpa, `BPA01 ${JSON.stringify(code)} is not a purpose Concord maps`, { element: 1, badValue: code });
  const mappedPrices = prices.map(({ segment, priced, ...p }) => {
    if (!priced) ctx.fail(segment, "the PAD loop has no CTP (price)", { segmentCode: "3" });
    if (!hasIdentity(p.item))
      ctx.fail(segment, "the PAD loop has no LIN or PID identifying the item", { segmentCode: "3" });
    return p;
  });
  const doc: Mutable<PriceAuthorization> = {
    kind: "price-authorization",
    contractNumber,
    action,
    currency: decodeCurrency(ctx, cur),
    parties: headerParties.parties,
    members,
    prices: mappedPrices,
  };
  if (effectiveFrom) doc.effectiveFrom = effectiveFrom;
  if (expiresOn) doc.expiresOn = expiresOn;
  return decoded(ctx, "price-authorization", doc);
}

export function encodePriceAuthorization(doc: PriceAuthorization, ctx: EncodeContext): SegmentValues[] {
  const pa = checkedForEncode(ctx, "price-authorization", doc);
  const out: SegmentValues[] = [
    ["BPA", BPA01[pa.action], ctx.stamp().date],
    ["CUR", "SE", pa.currency],
  ];
  out.push(...ctx.parties(pa.parties));
  out.push(["CON", "CT", pa.contractNumber]);
  if (pa.effectiveFrom) out.push(["DTM", "092", x12Date(pa.effectiveFrom)]);
  if (pa.expiresOn) out.push(["DTM", "093", x12Date(pa.expiresOn)]);
  pa.members.forEach((m, i) => {
    if (m.party.ids.length > 1)
      ctx.warn(`/members/${i}/party/ids`, "x12.party-extra-ids", "N1 carries one id; the rest is not sent");
    out.push(...encodeParty(m.party), ["REF", "TD", LETTER[m.action]]);
    // No standard element carries the member's tier; Concord writes it as a mutually defined REF.
    if (m.tier !== undefined) out.push(["REF", "ZZ", String(m.tier), "TIER"]);
    if (m.from) out.push(["DTM", "129", x12Date(m.from)]);
    if (m.to) out.push(["DTM", "130", x12Date(m.to)]);
  });
  pa.prices.forEach((p, i) => {
    out.push(["PAD", String(i + 1), "", LETTER[p.action]]);
    if (p.item.description) out.push(["PID", "F", "", "", "", p.item.description]);
    if (p.from) out.push(["DTM", "131", x12Date(p.from)]);
    if (p.to) out.push(["DTM", "132", x12Date(p.to)]);
    const ids = encodeItemIds(p.item);
    if (ids.length > 0) out.push(["LIN", "", ...ids]);
    out.push(["CTP", "DI", "CON", p.unitPrice, "1", ctx.uom(p.uom)]);
  });
  out.push(["CTT", String(pa.prices.length)]);
  return out;
}
