import type { CatalogItem, CatalogPack, CatalogPrice, PriceCatalog } from "../../../model/schemas/price-catalog.js";
import type { Uom } from "../../../model/schemas/uom.js";
import type { SegmentValues } from "../envelope/encode-interchange.js";
import type { TransactionSet } from "../envelope/interchange-types.js";
import type { Segment } from "../envelope/segment.js";
import type { EncodeContext } from "./encode-context.js";
import { decodeGtin, decodeItemIds, encodeItemIds, hasIdentity, type ItemRefDraft } from "./item-ids.js";
import { type DecodeContext, x12Date } from "./mapping-context.js";
import { PartyCollector } from "./parties.js";
import { decodeCurrency } from "./purchase-order-850.js";
import { bodyOf, checkedForEncode, decoded } from "./validated.js";

type Action = CatalogItem["action"];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** BCT10 (DE353). */
const PURPOSE: Readonly<Record<string, PriceCatalog["purpose"]>> = {
  "00": "original",
  "05": "replace",
  "02": "update",
  "04": "update",
};
const BCT10: Readonly<Record<PriceCatalog["purpose"], string>> = { original: "00", replace: "05", update: "04" };
/** G53 (DE875): 001 change, 002 discontinued, 003 additional item. */
const ACTION_BY_G53: Readonly<Record<string, Action>> = { "001": "change", "002": "delete", "003": "add" };
const G53_BY_ACTION: Readonly<Record<Action, string>> = { change: "001", delete: "002", add: "003" };
/** Without G53, the catalog's purpose says what its items are. */
const ACTION_BY_BCT10: Readonly<Record<string, Action>> = { "03": "delete", "04": "change" };

interface PackLevel {
  readonly quantity: string;
  readonly uom: Uom;
  readonly gtin?: string;
  readonly segment: Segment;
}

interface ItemDraft {
  item: ItemRefDraft;
  action?: Action;
  prices: CatalogPrice[];
  chains: Map<string, PackLevel[]>;
  lastPackUom?: Uom;
  readonly segment: Segment;
}

function decodePrice(ctx: DecodeContext, seg: Segment, draft: ItemDraft): CatalogPrice {
  const code = ctx.text(seg, 2) ?? "";
  const unitPrice =
    ctx.decimal(seg, 3, { nonNegative: true }) ??
    ctx.fail(seg, "CTP03 (unit price) is required", { element: 3, elementCode: "1" });
  const unitCode = (ctx.text(seg, 5) ?? "").split(ctx.separators.component)[0]!.trim();
  let uom: Uom;
  if (unitCode) uom = ctx.uom(seg, 5, unitCode);
  else {
    // HIBCC ex1 nests "CTP^^SLP^88.50" under the PKL of the case: the price is per that pack.
    const inherited = draft.lastPackUom ?? draft.prices.at(-1)?.uom;
    if (inherited === undefined)
      ctx.fail(seg, "CTP05 (unit) is empty and no pack or earlier price gives one", { element: 5, elementCode: "1" });
    ctx.warn(seg, 5, "x12.ctp-unit-inherited", `CTP05 is empty; unit taken as ${inherited} from the pack level above`);
    uom = inherited;
  }
  const tier = /^C0([1-9])$/.exec(code);
  if (tier) return { uom, unitPrice, tier: Number(tier[1]), kind: "tier" };
  return { uom, unitPrice, kind: code === "CON" ? "contract" : "list" };
}

/** Levels [case ×1, box ×4, each ×20] → case holds 4 box, box holds 20 each; the last level is kept only for its GTIN. */
function packsOf(ctx: DecodeContext, levels: readonly PackLevel[]): CatalogPack[] {
  const packs: CatalogPack[] = [];
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    const next = levels[i + 1];
    if (next === undefined) {
      if (level.gtin) packs.push({ uom: level.uom, quantity: 1, containsUom: level.uom, gtin: level.gtin });
      break;
    }
    if (!/^[1-9]\d{0,6}$/.test(next.quantity)) {
      ctx.fail(next.segment, `pack quantity ${next.quantity} is not a whole number of ${level.uom}`, {
        element: 4,
        elementCode: "6",
      });
    }
    packs.push({
      uom: level.uom,
      quantity: Number(next.quantity),
      containsUom: next.uom,
      ...(level.gtin ? { gtin: level.gtin } : {}),
    });
  }
  return packs;
}

export function decodePriceCatalog(set: TransactionSet, ctx: DecodeContext): PriceCatalog {
  const parties = new PartyCollector(ctx);
  let bct: Segment | undefined;
  let cur: Segment | undefined;
  let contractNumber: string | undefined;
  let effectiveFrom: string | undefined;
  let expiresOn: string | undefined;
  let ctt: Segment | undefined;
  const items: ItemDraft[] = [];
  let draft: ItemDraft | undefined;
  for (const seg of bodyOf(set)) {
    if (parties.continues(seg)) continue;
    switch (seg.id) {
      case "BCT":
        bct = seg;
        break;
      case "CUR":
        if (!draft) cur ??= seg;
        break;
      case "REF":
        if (!draft && (ctx.text(seg, 1) === "BC" || ctx.text(seg, 1) === "CT"))
          contractNumber ??= ctx.text(seg, 2)?.slice(0, 40);
        break;
      case "DTM": {
        if (draft) break; // item-level dates have no canonical field
        const q = ctx.text(seg, 1);
        if (q === "092" || q === "007")
          effectiveFrom = q === "092" || effectiveFrom === undefined ? ctx.date(seg, 2) : effectiveFrom;
        if (q === "093" || q === "036")
          expiresOn = q === "093" || expiresOn === undefined ? ctx.date(seg, 2) : expiresOn;
        break;
      }
      case "N1":
        if (!draft) parties.n1(seg);
        break;
      case "LIN":
        draft = { item: decodeItemIds(ctx, seg, 2).item, prices: [], chains: new Map(), segment: seg };
        items.push(draft);
        break;
      case "G53":
        if (draft) {
          const code = ctx.text(seg, 1) ?? "";
          draft.action = ACTION_BY_G53[code];
          if (draft.action === undefined)
            ctx.warn(seg, 1, "x12.g53-not-mapped", `G53 ${code} is not add/change/delete; not mapped`);
        }
        break;
      case "PID":
        if (draft && draft.item.description === undefined && ctx.text(seg, 5))
          draft.item.description = ctx.text(seg, 5)!.slice(0, 500);
        break;
      case "CTP":
        if (draft) draft.prices.push(decodePrice(ctx, seg, draft));
        break;
      case "SLN":
      case "PKL": {
        if (!draft) break;
        const sln = seg.id === "SLN";
        const key = sln ? `SLN:${ctx.text(seg, 1) ?? ""}` : "PKL";
        const unitAt = sln ? 5 : 3;
        const unit = (ctx.text(seg, unitAt) ?? "").split(ctx.separators.component)[0]!;
        const quantity =
          ctx.decimal(seg, 4, { nonNegative: true }) ??
          ctx.fail(seg, "pack quantity is required", { element: 4, elementCode: "1" });
        const uom = ctx.uom(seg, unitAt, unit);
        const gtin = sln
          ? decodeItemIds(ctx, seg, 9).item.gtin
          : ["UK", "EN"].includes(ctx.text(seg, 1) ?? "")
            ? decodeGtin(ctx, seg, 2)
            : undefined;
        const chain = draft.chains.get(key) ?? [];
        chain.push({ quantity, uom, segment: seg, ...(gtin ? { gtin } : {}) });
        draft.chains.set(key, chain);
        draft.lastPackUom = uom;
        break;
      }
      case "CTT":
        ctt = seg;
        draft = undefined;
        break;
    }
  }
  if (bct === undefined) return ctx.missingSegment("BCT", "beginning segment for price/sales catalog");
  const purposeCode = ctx.text(bct, 10) ?? "00";
  const purpose = PURPOSE[purposeCode] ?? "original";
  const defaultAction = ACTION_BY_BCT10[purposeCode] ?? "add";
  const mapped: CatalogItem[] = items.map((d) => {
    if (!hasIdentity(d.item)) ctx.fail(d.segment, "LIN carries no product id", { element: 2, elementCode: "1" });
    return {
      item: d.item,
      action: d.action ?? defaultAction,
      prices: d.prices,
      packs: [...d.chains.values()].flatMap((levels) => packsOf(ctx, levels)),
    };
  });
  if (ctt && ctx.text(ctt, 1) !== String(items.length)) {
    ctx.warn(ctt, 1, "x12.ctt-line-count", `CTT01 says ${ctx.text(ctt, 1)} items; the catalog has ${items.length}`);
  }
  const doc: Mutable<PriceCatalog> = {
    kind: "price-catalog",
    id: ctx.required(bct, 2, "catalog number"),
    purpose,
    currency: decodeCurrency(ctx, cur),
    parties: parties.parties,
    items: mapped,
  };
  if (contractNumber) doc.contractNumber = contractNumber;
  if (effectiveFrom) doc.effectiveFrom = effectiveFrom;
  if (expiresOn) doc.expiresOn = expiresOn;
  return decoded(ctx, "price-catalog", doc);
}

const isSelf = (p: CatalogPack) => p.uom === p.containsUom && p.quantity === 1;

/** Splits packs into chains (case→box→each) and writes each as SLN levels, chain number in SLN01. */
export function encodePacks(packs: readonly CatalogPack[], ctx: EncodeContext): SegmentValues[] {
  const chains: CatalogPack[][] = [];
  for (const p of packs) {
    const chain = chains.at(-1);
    const prev = chain?.at(-1);
    if (chain && prev && !isSelf(prev) && prev.containsUom === p.uom) chain.push(p);
    else chains.push([p]);
  }
  const out: SegmentValues[] = [];
  chains.forEach((chain, c) => {
    const levels: { quantity: string; uom: Uom; gtin?: string }[] = [
      { quantity: "1", uom: chain[0]!.uom, ...(chain[0]!.gtin ? { gtin: chain[0]!.gtin } : {}) },
    ];
    for (let j = 0; j < chain.length; j++) {
      const p = chain[j]!;
      if (isSelf(p)) break;
      const next = chain[j + 1];
      levels.push({ quantity: String(p.quantity), uom: p.containsUom, ...(next?.gtin ? { gtin: next.gtin } : {}) });
    }
    levels.forEach((l, n) => {
      out.push([
        "SLN",
        String(c + 1),
        String(n + 1),
        "I",
        l.quantity,
        ctx.uom(l.uom),
        "",
        "",
        "",
        ...(l.gtin ? ["UK", l.gtin] : []),
      ]);
    });
  });
  return out;
}

export function encodePriceCatalog(doc: PriceCatalog, ctx: EncodeContext): SegmentValues[] {
  const pc = checkedForEncode(ctx, "price-catalog", doc);
  const out: SegmentValues[] = [
    ["BCT", "PC", pc.id, "", "", "", "", "", "", "", BCT10[pc.purpose]],
    ["CUR", "SE", pc.currency],
  ];
  if (pc.contractNumber) out.push(["REF", "BC", pc.contractNumber]);
  if (pc.effectiveFrom) out.push(["DTM", "092", x12Date(pc.effectiveFrom)]);
  if (pc.expiresOn) out.push(["DTM", "093", x12Date(pc.expiresOn)]);
  out.push(...ctx.parties(pc.parties));
  for (const [i, it] of pc.items.entries()) out.push(...encodeCatalogItem(it, i, ctx));
  out.push(["CTT", String(pc.items.length)]);
  return out;
}

/** One LIN loop; exported so a streaming encoder can write a catalog item by item. */
export function encodeCatalogItem(it: CatalogItem, index: number, ctx: EncodeContext): SegmentValues[] {
  const out: SegmentValues[] = [
    ["LIN", String(index + 1), ...encodeItemIds(it.item)],
    ["G53", G53_BY_ACTION[it.action]],
  ];
  if (it.item.description) out.push(["PID", "F", "", "", "", it.item.description]);
  for (const p of it.prices) {
    const code = p.kind === "tier" ? `C0${p.tier ?? 1}` : p.kind === "contract" ? "CON" : "CAT";
    out.push(["CTP", p.kind === "tier" ? "BG" : "", code, p.unitPrice, "1", ctx.uom(p.uom)]);
  }
  out.push(...encodePacks(it.packs, ctx));
  return out;
}
