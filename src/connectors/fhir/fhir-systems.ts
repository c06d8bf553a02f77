/**
 * The identifier and code systems Concord writes into FHIR resources and recognises when reading
 * them. Where HL7 registered a system we use it; where none exists (HIN, Concord's own ids) the
 * URI is ours and documented in docs/formats/fhir.md. Several spellings are accepted on import
 * because senders disagree (DUNS travels both as an OID and as the HL7 NamingSystem URL).
 */
export const FhirSystems = {
  /** GS1 Global Location Number (OID of GS1). */
  gln: "urn:oid:1.3.160",
  /** GS1 GTIN as HL7 Terminology's NamingSystem `gtin` lists it. */
  gtin: "https://www.gs1.org/gtin",
  /** Dun & Bradstreet D-U-N-S, the OID SPL and FDA listings use. */
  duns: "urn:oid:1.3.6.1.4.1.519.1",
  /** US IRS employer identification number (tax id). */
  tin: "urn:oid:2.16.840.1.113883.4.4",
  /** HIBCC Health Industry Number: no registered FHIR system; ours. */
  hin: "https://concord.dev/fhir/sid/hin",
  /** FDA National Drug Code. */
  ndc: "http://hl7.org/fhir/sid/ndc",
  /** UNSPSC commodity code: no HL7-registered code system URI found; ours by convention. */
  unspsc: "https://www.unspsc.org",
  /** UDI issuing agency GS1 (`udiCarrier.issuer`). */
  udiIssuerGs1: "http://hl7.org/fhir/NamingSystem/gs1-di",
  /** UDI jurisdiction US FDA. */
  udiJurisdictionFda: "http://hl7.org/fhir/NamingSystem/fda-udi",
  /** Concord canonical ids, per entity type: `${concordId}/supplier`, `/facility`, `/item`… */
  concordId: "https://concord.dev/fhir/sid",
  /** Purchase-order and requisition lines: value `<document id>/<line id>`. */
  purchaseOrderLine: "https://concord.dev/fhir/sid/purchase-order-line",
  requisitionLine: "https://concord.dev/fhir/sid/requisition-line",
  shipNoticeLine: "https://concord.dev/fhir/sid/ship-notice-line",
  /** Supplier and manufacturer part numbers (no global system exists). */
  supplierPartNo: "https://concord.dev/fhir/sid/supplier-part-number",
  manufacturerPartNo: "https://concord.dev/fhir/sid/manufacturer-part-number",
  buyerPartNo: "https://concord.dev/fhir/sid/buyer-part-number",
  /** UCUM, with curly-brace annotations for countable packaging units ({box}, {case}). */
  ucum: "http://unitsofmeasure.org",
} as const;

/** Other spellings accepted on import, mapped to the system above they mean. */
export const SYSTEM_ALIASES: ReadonlyMap<string, keyof typeof FhirSystems> = new Map([
  ["http://terminology.hl7.org/NamingSystem/DUNSNumber", "duns"],
  ["urn:oid:1.3.160", "gln"],
  ["http://www.gs1.org/gtin", "gtin"],
  ["urn:oid:2.16.840.1.113883.6.69", "ndc"],
]);

export const CodeSystems = {
  organizationType: "http://terminology.hl7.org/CodeSystem/organization-type",
  identifierType: "http://terminology.hl7.org/CodeSystem/v2-0203",
  supplyItemType: "http://terminology.hl7.org/CodeSystem/supply-item-type",
  locationPhysicalType: "http://terminology.hl7.org/CodeSystem/location-physical-type",
  issueType: "http://hl7.org/fhir/issue-type",
  concordError: "https://concord.dev/errors",
} as const;

/** R4 organization-type codes Concord uses: suppliers are businesses, facilities providers. */
export const ORGANIZATION_TYPES = [
  "prov",
  "dept",
  "team",
  "govt",
  "ins",
  "pay",
  "edu",
  "reli",
  "crs",
  "cg",
  "bus",
  "other",
] as const;
