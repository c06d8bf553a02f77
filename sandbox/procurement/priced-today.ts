import type { Contract, Item, PriceLine } from "../../src/model/index.js";
import type { SandboxDataset } from "../generator/types.js";

export const today = () => new Date().toISOString().slice(0, 10);

export interface Priced {
  readonly contract: Contract;
  readonly line: PriceLine;
  readonly item: Item;
  readonly facilityId: string;
}

/** Every active item on a contract in force today at a facility, with the line that prices it there. */
export function pricedToday(dataset: SandboxDataset): Priced[] {
  const on = today();
  const items = new Map(dataset.canonical.items.map((i) => [i.id, i]));
  const out: Priced[] = [];
  for (const contract of dataset.canonical.contracts) {
    if (contract.effectiveFrom > on || contract.expiresOn < on) continue;
    const eligible = contract.eligibility.find((e) => e.from <= on && (e.to === undefined || e.to >= on));
    if (!eligible) continue;
    for (const line of contract.priceLines) {
      const item = items.get(line.itemId);
      if (item?.status !== "active" || (line.effectiveFrom ?? on) > on || (line.expiresOn ?? on) < on) continue;
      out.push({ contract, line, item, facilityId: eligible.facilityId });
    }
  }
  return out;
}
