import {
  type Contract,
  formatDecimal,
  type Item,
  type PriceLine,
  parseDecimal,
  type Supplier,
} from "../model/index.js";
import type { SystemKind } from "./reconcile-types.js";

/**
 * A view is the flat set of canonical fields one system holds, at the grain it holds them (the
 * ERP keeps names upper-case, the procurement suite cuts descriptions at 80 characters). The
 * canonical record and the system's record, read back into canonical form, are both reduced to
 * the system's view and compared field by field.
 */
export type View = Record<string, string | number | boolean | null>;

const dec = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  try {
    return formatDecimal(parseDecimal(String(v)));
  } catch {
    return String(v);
  }
};
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const upper = (v: unknown): string | null => str(v)?.toUpperCase() ?? null;

export function supplierView(
  kind: SystemKind,
  s: Partial<Supplier> & { enabled?: unknown },
  side: "canonical" | "system",
): View {
  const common = { name: str(s.name), duns: str(s.duns) };
  if (kind === "clm") return { ...common, status: str(s.status) };
  if (kind === "procurement")
    return { ...common, paymentTermsNetDays: s.paymentTermsNetDays ?? null, status: str(s.status) };
  return {
    name: side === "canonical" ? upper(s.name) : str(s.name),
    duns: common.duns,
    paymentTermsNetDays: s.paymentTermsNetDays ?? null,
    enabled: side === "canonical" ? s.status !== "inactive" : ((s.enabled as boolean | null | undefined) ?? null),
  };
}

export function itemView(kind: SystemKind, i: Partial<Item>, side: "canonical" | "system"): View {
  const fromCanonical = side === "canonical";
  if (kind === "clm") {
    return {
      description: str(i.description),
      manufacturerName: str(i.manufacturerName),
      manufacturerPartNo: str(i.manufacturerPartNo),
      unspsc: str(i.unspsc),
    };
  }
  if (kind === "procurement") {
    return {
      description: fromCanonical ? (str(i.description)?.slice(0, 80) ?? null) : str(i.description),
      manufacturerName: str(i.manufacturerName),
      manufacturerPartNo: str(i.manufacturerPartNo),
      unspsc: str(i.unspsc),
    };
  }
  return {
    description: fromCanonical ? (upper(i.description)?.slice(0, 240) ?? null) : str(i.description),
    manufacturerName: fromCanonical ? upper(i.manufacturerName) : str(i.manufacturerName),
    manufacturerPartNo: str(i.manufacturerPartNo),
    unspsc: str(i.unspsc),
    baseUom: str(i.baseUom),
    status: str(i.status),
  };
}

/** The contract's own fields: version, supplier, dates and eligibility (and for the CLM, its terms). */
export function contractHeaderView(kind: SystemKind, c: Partial<Contract>): View {
  const eligibility = [...(c.eligibility ?? [])]
    .map((e) => `${e.facilityId}:T${e.tier}:${e.from}..${e.to ?? ""}`)
    .sort()
    .join(" ");
  const view: View = {
    version: c.version ?? null,
    supplierId: str(c.supplierId),
    currency: str(c.currency),
    effectiveFrom: str(c.effectiveFrom),
    expiresOn: str(c.expiresOn),
    eligibility,
  };
  if (kind !== "clm") return view;
  return {
    ...view,
    title: str(c.title),
    pricingDateBasis: str(c.pricingDateBasis),
    rebates: (c.rebates ?? [])
      .map((r) => `${r.kind}:${dec(r.percent)}%:${r.period}${r.thresholdSpend ? `>${dec(r.thresholdSpend)}` : ""}`)
      .join(" "),
  };
}

/** A price line's key inside its contract: one price per item and unit of measure. */
export const priceLineKey = (l: Pick<PriceLine, "itemId" | "uom">): string => `${l.itemId}/${l.uom}`;

export function priceLineView(kind: SystemKind, l: Partial<PriceLine>): View {
  const view: View = {
    unitPrice: dec(l.unitPrice),
    tierPrices: [...(l.tierPrices ?? [])]
      .sort((a, b) => a.tier - b.tier)
      .map((t) => `T${t.tier}=${dec(t.unitPrice)}`)
      .join(" "),
    effectiveFrom: str(l.effectiveFrom),
    expiresOn: str(l.expiresOn),
  };
  // The procurement suite keys lines by item and unit only; the others also number them.
  return kind === "procurement" ? view : { lineNo: l.lineNo ?? null, ...view };
}
