/** The areas the document groups operations by, in the order the docs page lists them. */
export const AREA_TAGS = [
  { name: "contracts", description: "Contract versions in from the CLM or an API client, and their propagation" },
  { name: "prices", description: "Effective contract prices for buyers (only versions past the price gate)" },
  { name: "suppliers", description: "The supplier master, written by its system of record" },
  { name: "items", description: "The item master, written by its system of record" },
  { name: "partners", description: "Trading partners' documents in their own formats (EDI X12, cXML)" },
  { name: "exports", description: "Bulk exports streamed a page at a time (CSV, FHIR bundles, X12 845)" },
  { name: "operations", description: "Deliveries, dead letters, replay, exceptions, policy violations, targets" },
  { name: "audit", description: "The hash-chained audit log and its verification" },
  { name: "fhir", description: "The read-only FHIR R4 facade (answers OperationOutcome, not problem+json)" },
  { name: "auth", description: "Tokens and the keys that sign them" },
  { name: "health", description: "Readiness and metrics" },
  { name: "docs", description: "This description of the API and its browsable page" },
] as const;

/** First path segment after /v1 → area, where the segment alone does not name it. */
const AREA_OF_SEGMENT: Readonly<Record<string, string>> = {
  contracts: "contracts",
  prices: "prices",
  suppliers: "suppliers",
  items: "items",
  exports: "exports",
  "dead-letters": "operations",
  deliveries: "operations",
  exceptions: "operations",
  "policy-violations": "operations",
  targets: "operations",
  audit: "audit",
};

/**
 * The tags of an operation, from its path alone so a new route is grouped without anyone listing
 * it: `/v1/prices` → prices, `/fhir/R4/Device` → fhir. A /v1 path of an area not known here is
 * grouped under its own first segment (`/v1/invoices/…` → invoices) rather than refused.
 */
export function areaTagsOf(url: string): string[] {
  const segments = url.split("?")[0]!.split("/").filter(Boolean);
  const [first, second, third] = segments;
  if (first === "fhir") return ["fhir"];
  if (first === "oauth" || first === ".well-known") return ["auth"];
  if (first === "healthz" || first === "metrics" || first === "readyz") return ["health"];
  if (first === "openapi.json" || first === "docs") return ["docs"];
  if (first !== undefined && /^v\d+$/.test(first) && second !== undefined) {
    if (second === "inbound") return third === "clm" ? ["contracts"] : ["partners"];
    // One route writes either master (`/v1/imports/:kind`, kind suppliers|items).
    if (second === "imports") return ["suppliers", "items"];
    return [AREA_OF_SEGMENT[second] ?? second];
  }
  return [first ?? "root"];
}
