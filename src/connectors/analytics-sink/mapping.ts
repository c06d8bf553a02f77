import { compileMapping } from "../../mapping/index.js";
import type { Contract, PriceLine } from "../../model/index.js";

/** One row per price point: the base price as tier 0, then each tier price. */
function priceRows(_src: unknown, root: unknown): unknown[] {
  const { contract } = root as { contract: Contract };
  return contract.priceLines.flatMap((l: PriceLine) => [
    row(l, 0, l.unitPrice),
    ...l.tierPrices.map((t) => row(l, t.tier, t.unitPrice)),
  ]);
}

function row(l: PriceLine, tier: number, price: string) {
  return {
    line_no: l.lineNo,
    item_id: l.itemId,
    uom: l.uom,
    tier,
    price,
    valid_from: l.effectiveFrom ?? null,
    valid_to: l.expiresOn ?? null,
  };
}

/** Canonical contract version → the analytics warehouse's flat price rows (canonical ids, snake_case). */
export const analyticsContractPricesMapping = compileMapping({
  name: "analytics.contract-prices",
  version: 1,
  fields: {
    contract_number: "contract.number",
    contract_version: "contract.version",
    supplier_id: "contract.supplierId",
    rows: { compute: priceRows },
  },
});
