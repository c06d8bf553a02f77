import type { ProcessProvider } from "./process-provider.js";

/**
 * Requisition to purchase order: one sample per requisition submitted. Success is a PO sent to
 * the supplier (ordered, then confirmed with or without exceptions); a requisition blocked by its
 * checks or rejected by its approver is a failure; one waiting for approval is still in flight.
 */
export const requisitionToPo: ProcessProvider = {
  process: "requisition-to-po",
  title: "Requisition to PO",
  unit: "requisition",
  // A stock requisition should reach the supplier as a PO the same shift: four hours.
  slaMs: 4 * 60 * 60 * 1000,
  definition: "a requisition turned into a purchase order sent to its supplier, from requisition to PO",
  samplesSql: `
    SELECT submitted_at AS at,
      CASE WHEN status IN ('ordered', 'confirmed', 'confirmed_with_exceptions') THEN true
           WHEN status IN ('blocked', 'rejected') THEN false END AS ok,
      CASE WHEN ordered_at IS NOT NULL THEN extract(epoch FROM (ordered_at - submitted_at)) * 1000 END AS latency_ms
    FROM requisitions
    WHERE submitted_at >= $1 AND submitted_at < $2`,
};
