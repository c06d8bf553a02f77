import type { SandboxDataset } from "../generator/types.js";
import { type Priced, pricedToday } from "../procurement/priced-today.js";
import { type NetworkLineKind, networkRuleFor } from "./order-rule.js";

/** A line the network's demo requisition can order: cheap, not an implant, priced by one supplier only. */
export interface NetworkLine extends Priced {
  readonly kind: NetworkLineKind;
}

/** Items on contracts of more than one supplier: the pricing rule, not the demo, would choose who gets them. */
function sharedItems(dataset: SandboxDataset): Set<string> {
  const owner = new Map<string, string>();
  const shared = new Set<string>();
  for (const k of dataset.canonical.contracts)
    for (const l of k.priceLines) {
      const o = owner.get(l.itemId);
      if (o === undefined) owner.set(l.itemId, k.supplierId);
      else if (o !== k.supplierId) shared.add(l.itemId);
    }
  return shared;
}

/**
 * The seeded supplier that orders through the sandbox supplier network, and the lines of the one
 * facility where the demo requisition orders from it. Deterministic for a dataset and a day: among
 * suppliers with lines priced today (one supplier per item, not implants, under 500), the one whose
 * lines at one facility show the most of the network's answers (accept, allocate, reject), then
 * the fewest lines (it takes the least away from the distributor's demo), then the lowest id.
 */
export function networkSupplierOf(
  dataset: SandboxDataset,
): { supplierId: string; facilityId: string; lines: NetworkLine[] } | undefined {
  const shared = sharedItems(dataset);
  const groups = new Map<string, NetworkLine[]>();
  for (const p of pricedToday(dataset)) {
    if (shared.has(p.item.id) || p.item.clinicalCategory === "implant" || Number(p.line.unitPrice) >= 500) continue;
    const key = `${p.contract.supplierId}\u0000${p.facilityId}`;
    const lines = groups.get(key) ?? [];
    if (!lines.some((l) => l.item.id === p.item.id)) lines.push({ ...p, kind: networkRuleFor(p.item.id) });
    groups.set(key, lines);
  }
  const kinds = (lines: NetworkLine[]) => new Set(lines.map((l) => l.kind)).size;
  const perSupplier = new Map<string, number>();
  for (const [key, lines] of groups) {
    const s = key.split("\u0000")[0]!;
    perSupplier.set(s, (perSupplier.get(s) ?? 0) + lines.length);
  }
  const best = [...groups.entries()].sort(([a, x], [b, y]) => {
    const [sa, sb] = [a.split("\u0000")[0]!, b.split("\u0000")[0]!];
    return kinds(y) - kinds(x) || perSupplier.get(sa)! - perSupplier.get(sb)! || a.localeCompare(b);
  })[0];
  if (!best) return undefined;
  const [supplierId, facilityId] = best[0].split("\u0000") as [string, string];
  return { supplierId, facilityId, lines: best[1] };
}
