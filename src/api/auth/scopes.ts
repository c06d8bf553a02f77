/**
 * Every scope a client can be granted. A route declares the one it needs in its config
 * (`config: { scope: "prices:read" }`) or declares itself public; a route declaring neither
 * refuses to start (src/api/auth/require-scopes.ts), so nothing is open by accident.
 */
export const SCOPES = {
  "contracts:read": "Read contracts, their versions and propagation",
  "contracts:write": "Send contract versions (as a system allowed to act for the CLM)",
  "prices:read": "Ask for effective contract prices and pricing changes",
  "suppliers:read": "Search and read suppliers, onboarding status and payment readiness",
  "suppliers:write": "Write supplier master data or onboarding requests (as its owning system)",
  "onboarding:approve": "Approve or reject supplier onboarding steps (e.g. a bank account change)",
  "requisitions:approve": "Approve or reject requisition approval tasks (amount, clinical, off-contract)",
  "budgets:write": "Set cost center budgets per fiscal year",
  "items:read": "Read the item master",
  "items:write": "Write item master data (as its owning system)",
  "orders:read": "Read purchase orders and their status across systems",
  "orders:write": "Send requisitions and purchase-order documents",
  "invoices:read": "Read invoices, matches and invoice exceptions",
  "invoices:write": "Resolve invoice exceptions",
  "receipts:write": "Send goods receipts (as the ERP or procurement system that recorded them)",
  "payments:write": "Send payments and the invoices they settle (as the ERP's accounts payable)",
  "partners:write": "Post trading-partner documents (EDI X12)",
  "exports:read": "Download exports (CSV, FHIR, X12)",
  "operations:read": "Read events, deliveries, dead letters, exceptions, violations, targets and traces",
  "operations:write": "Replay dead letters, resolve exceptions, decide fallbacks",
  "audit:read": "Read and verify the audit log",
  "fhir:read": "Read the FHIR R4 facade",
  "metrics:read": "Scrape Prometheus metrics",
  "pii:read": "See supplier tax ids and bank accounts unmasked",
} as const;

export type Scope = keyof typeof SCOPES;

export const ALL_SCOPES = Object.keys(SCOPES) as Scope[];

export function isScope(s: string): s is Scope {
  return Object.hasOwn(SCOPES, s);
}
