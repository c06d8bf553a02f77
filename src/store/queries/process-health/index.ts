import { contractPropagation } from "./contract-propagation.js";
import { invoiceMatch } from "./invoice-match.js";
import type { ProcessProvider } from "./process-provider.js";
import { requisitionToPo } from "./requisition-to-po.js";
import { supplierOnboarding } from "./supplier-onboarding.js";

export * from "./aggregate-process.js";
export type { ProcessProvider } from "./process-provider.js";
export * from "./time-window.js";

/** Every business process the dashboard shows, in the order it shows them. */
export const PROCESS_PROVIDERS: readonly ProcessProvider[] = [
  contractPropagation,
  supplierOnboarding,
  requisitionToPo,
  invoiceMatch,
];
