import type { ProcessProvider } from "./process-provider.js";

/**
 * Invoice match: one sample per invoice received. Success is a touchless approval; a held invoice
 * (an exception for a person) is a failure of the process, whoever is right about the price.
 */
export const invoiceMatch: ProcessProvider = {
  process: "invoice-match",
  title: "Invoice match",
  unit: "invoice",
  // Accounts payable batches payments every quarter hour; a match slower than that misses a run.
  slaMs: 15 * 60 * 1000,
  definition: "an invoice approved by the three-way match without a person, from receipt to decision",
  samplesSql: `
    SELECT created_at AS at,
      CASE status WHEN 'approved' THEN true WHEN 'held' THEN false END AS ok,
      CASE WHEN decided_at IS NOT NULL THEN extract(epoch FROM (decided_at - created_at)) * 1000 END AS latency_ms
    FROM invoice_matches
    WHERE created_at >= $1 AND created_at < $2`,
};
