import type { ProcessProvider } from "./process-provider.js";

/**
 * Supplier onboarding: one sample per onboarding requested. It succeeds when the supplier becomes
 * payable (latency: request to payable, the workflow's own completion_ms); rejected or blocked
 * (a failed check waiting for a person) count as failures as of now.
 */
export const supplierOnboarding: ProcessProvider = {
  process: "supplier-onboarding",
  title: "Supplier onboarding",
  unit: "onboarding",
  // Procurement promises a new supplier can be paid within five business days of a complete request.
  slaMs: 5 * 24 * 60 * 60 * 1000,
  definition: "an onboarding request that ended with a payable supplier, from request to payable",
  samplesSql: `
    SELECT requested_at AS at,
      CASE WHEN status = 'payable' THEN true WHEN status IN ('rejected', 'blocked') THEN false END AS ok,
      CASE WHEN status = 'payable' THEN completion_ms::float8 END AS latency_ms
    FROM supplier_onboardings
    WHERE requested_at >= $1 AND requested_at < $2`,
};
