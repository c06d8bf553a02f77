import type { InvoiceLine, ItemRef, PurchaseOrder, PurchaseOrderLine } from "../../model/index.js";
import type { MatchedBy } from "./match-result.js";

export interface PoLineCandidate {
  readonly po: PurchaseOrder;
  readonly line: PurchaseOrderLine;
  /** The canonical item id, from the line's ref or resolved through the item master's GTINs. */
  readonly itemId: string | undefined;
}

export interface Pairing {
  readonly candidate: PoLineCandidate;
  readonly matchedBy: MatchedBy;
}

type Identity = "same" | "different" | "unknown";
const PART_KEYS = ["gtin", "ndc", "hibcc", "supplierPartNo", "manufacturerPartNo", "buyerPartNo"] as const;

/**
 * Identity of two item refs. A canonical item id decides alone when both sides have one; otherwise
 * any shared identifier that agrees makes them the same item (a case GTIN and an each GTIN differ
 * while the supplier part number agrees). "unknown" = no identifier in common to compare.
 */
export function compareItemRefs(
  a: ItemRef,
  aItemId: string | undefined,
  b: ItemRef,
  bItemId: string | undefined,
): Identity {
  if (aItemId !== undefined && bItemId !== undefined) return aItemId === bItemId ? "same" : "different";
  let shared = 0;
  for (const key of PART_KEYS) {
    const x = a[key];
    const y = b[key];
    if (x === undefined || y === undefined) continue;
    shared++;
    if (x.trim().toUpperCase() === y.trim().toUpperCase()) return "same";
  }
  return shared > 0 ? "different" : "unknown";
}

/**
 * Pairs one invoice line with a PO line: item identity first (suppliers renumber lines, and a
 * renumbered line matched by number is a false price hold — DOMAIN.md §5.1), then the PO line the
 * invoice names, then the line number. Numbers are only consulted when identity cannot be judged:
 * a line whose identifiers contradict the PO line's is a different item, not a match.
 * Among several lines of the same item, the named line, then the same number, then the first with
 * quantity still open wins, so repeat lines of one item bill in PO order.
 */
export function pairInvoiceLine(
  line: InvoiceLine,
  lineItemId: string | undefined,
  candidates: readonly PoLineCandidate[],
  hasOpenQuantity: (c: PoLineCandidate) => boolean,
): Pairing | undefined {
  const byItemId: PoLineCandidate[] = [];
  const byIdentifier: PoLineCandidate[] = [];
  const unknown: PoLineCandidate[] = [];
  for (const c of candidates) {
    const identity = compareItemRefs(line.item, lineItemId, c.line.item, c.itemId);
    if (identity === "same") {
      (lineItemId !== undefined && c.itemId !== undefined ? byItemId : byIdentifier).push(c);
    } else if (identity === "unknown") {
      unknown.push(c);
    }
  }
  if (byItemId.length > 0) return { candidate: tieBreak(line, byItemId, hasOpenQuantity), matchedBy: "item-id" };
  if (byIdentifier.length > 0) {
    return { candidate: tieBreak(line, byIdentifier, hasOpenQuantity), matchedBy: "item-identifier" };
  }
  const named = line.purchaseOrderLineId;
  const byName = named === undefined ? undefined : unknown.find((c) => c.line.lineId === named);
  if (byName) return { candidate: byName, matchedBy: "po-line-id" };
  const byNumber = unknown.find((c) => c.line.lineId === line.lineId);
  if (byNumber) return { candidate: byNumber, matchedBy: "line-number" };
  return undefined;
}

function tieBreak(
  line: InvoiceLine,
  group: readonly PoLineCandidate[],
  hasOpenQuantity: (c: PoLineCandidate) => boolean,
): PoLineCandidate {
  if (group.length === 1) return group[0]!;
  return (
    group.find((c) => line.purchaseOrderLineId !== undefined && c.line.lineId === line.purchaseOrderLineId) ??
    group.find((c) => c.line.lineId === line.lineId) ??
    group.find(hasOpenQuantity) ??
    group[0]!
  );
}
