import {
  addDecimal,
  type Contract,
  compareDecimal,
  multiplyDecimal,
  roundDecimal,
  subtractDecimal,
  type Uom,
} from "../../model/index.js";
import { resolveEffectivePrice } from "../../policy/index.js";
import { type Queryable, releasedVersionsPricing } from "../../store/index.js";
import { purchaseOrderLines } from "../../store/queries/outcomes/index.js";

/** At most this many lines are priced per answer: the estimate says when it stopped short. */
const MAX_LINES = 20_000;

/**
 * Estimated pricing leakage: spend on purchase-order lines priced above the active contract price
 * for that item at that facility on the order date (the price service's own answer, released
 * versions only). A line without a facility, a known item, or a contract price in the same unit
 * cannot be judged and is counted as `unpriced`, never as leakage.
 */
export async function pricingLeakage(q: Queryable, from: Date, to: Date) {
  const lines = await purchaseOrderLines(q, from, to);
  const versions = new Map<string, Contract[]>();
  let leakage = "0";
  let checked = 0;
  let unpriced = 0;
  const above: {
    purchaseOrderId: string;
    lineId: string;
    itemId: string;
    facilityId: string;
    paid: string;
    contract: string;
    contractNumber: string;
    leakage: string;
  }[] = [];
  for (const line of lines.slice(0, MAX_LINES)) {
    if (!line.facilityId || !line.itemId || !line.orderDate) {
      unpriced++;
      continue;
    }
    if (!versions.has(line.itemId)) versions.set(line.itemId, await releasedVersionsPricing(q, line.itemId));
    const answer = resolveEffectivePrice(versions.get(line.itemId)!, {
      itemId: line.itemId,
      facilityId: line.facilityId,
      on: line.orderDate,
      uom: line.uom as Uom,
    });
    if (!answer || answer.uom !== line.uom) {
      unpriced++;
      continue;
    }
    checked++;
    if (compareDecimal(line.unitPrice, answer.unitPrice) <= 0) continue;
    const lost = multiplyDecimal(subtractDecimal(line.unitPrice, answer.unitPrice), line.quantity);
    leakage = addDecimal(leakage, lost);
    above.push({
      purchaseOrderId: line.purchaseOrderId,
      lineId: line.lineId,
      itemId: line.itemId,
      facilityId: line.facilityId,
      paid: line.unitPrice,
      contract: answer.unitPrice,
      contractNumber: answer.contractNumber,
      leakage: roundDecimal(lost, 2),
    });
  }
  return {
    estimatedLeakage: roundDecimal(leakage, 2),
    linesChecked: checked,
    linesAboveContract: above.length,
    linesUnpriced: unpriced,
    truncated: lines.length > MAX_LINES,
    topLines: above.sort((a, b) => compareDecimal(b.leakage, a.leakage)).slice(0, 20),
  };
}
