import type { Queryable } from "../../store/index.js";
import {
  contractActivation,
  duplicateVendors,
  invoiceDisputes,
  invoiceToPayment,
  manualTouches,
} from "../../store/queries/outcomes/index.js";
import { pricingLeakage } from "./pricing-leakage.js";

/** The business outcomes the hub should move, over one window (GET /v1/outcomes). */
export async function readOutcomes(q: Queryable, from: Date, to: Date) {
  return {
    window: { from: from.toISOString(), to: to.toISOString() },
    invoiceDisputes: await invoiceDisputes(q, from, to),
    contractActivation: await contractActivation(q, from, to),
    manualTouches: await manualTouches(q, from, to),
    duplicateVendors: await duplicateVendors(q, from, to),
    pricingLeakage: await pricingLeakage(q, from, to),
    invoiceToPayment: await invoiceToPayment(q, from, to),
  };
}
