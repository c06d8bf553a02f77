import type { Issue } from "../../model/index.js";
import { importDevice } from "./import-device.js";
import { importOrganization } from "./import-organization.js";
import { importSupplyDelivery, importSupplyRequest } from "./import-supply.js";
import type { FhirImportResult, ImportedValue } from "./import-types.js";
import { normalizeQuirks } from "./normalize-quirks.js";
import { type FhirJson, parseFhirXml } from "./parse-fhir-xml.js";
import type { Device, Organization, SupplyDelivery, SupplyRequest } from "./r4-resources.js";
import { validateR4 } from "./validate-r4.js";

/**
 * Resources Concord reads on purpose, and why the others are refused as "not modelled": the FHIR
 * resource exists, but its meaning does not match a canonical entity, so guessing would corrupt data.
 */
const NOT_MODELLED: Readonly<Record<string, string>> = {
  Contract:
    "FHIR Contract has no price tiers, eligibility roster or rebate terms (term.asset.valuedItem only); contracts come from the CLM in Concord's own model",
  Invoice:
    "FHIR Invoice is patient billing (subject, participants, account), not a supplier's accounts-payable invoice; AP invoices arrive as X12 810 or cXML",
  ChargeItem: "ChargeItem is patient billing, not supply chain",
};

export interface ImportOptions {
  /** Today's date, for the GS1 century window of UDI dates (tests pin it). */
  readonly today?: string;
}

/** Reads one FHIR resource in JSON form: quirks normalised, validated against the R4 subset, mapped. */
export function importFhirResource(json: unknown, opts: ImportOptions = {}): FhirImportResult {
  if (
    typeof json !== "object" ||
    json === null ||
    typeof (json as { resourceType?: unknown }).resourceType !== "string"
  ) {
    return {
      status: "invalid",
      issues: [
        { path: "/resourceType", rule: "fhir.resource-type", message: "not a FHIR resource: resourceType is missing" },
      ],
    };
  }
  const resourceType = (json as FhirJson).resourceType;
  const id = typeof (json as { id?: unknown }).id === "string" ? (json as { id: string }).id : undefined;
  const withId = id === undefined ? {} : { id };
  const notModelled = NOT_MODELLED[resourceType];
  if (notModelled) return { status: "not-modelled", resourceType, ...withId, reason: notModelled };
  if (!["Organization", "Device", "SupplyRequest", "SupplyDelivery"].includes(resourceType)) {
    return {
      status: "not-modelled",
      resourceType,
      ...withId,
      reason: `Concord does not read ${resourceType} resources`,
    };
  }
  const { resource, warnings } = normalizeQuirks(json as FhirJson);
  const schemaIssues = validateR4(resource, "open");
  if (schemaIssues.length > 0) return { status: "invalid", resourceType, issues: schemaIssues };
  const w: Issue[] = [...warnings];
  let mapped: { value?: ImportedValue; issues: Issue[] };
  switch (resourceType) {
    case "Organization":
      mapped = importOrganization(resource as unknown as Organization, w);
      break;
    case "Device":
      mapped = importDevice(resource as unknown as Device, w, opts.today);
      break;
    case "SupplyRequest":
      mapped = importSupplyRequest(resource as unknown as SupplyRequest, w);
      break;
    default:
      mapped = importSupplyDelivery(resource as unknown as SupplyDelivery, w);
  }
  if (!mapped.value) return { status: "invalid", resourceType, issues: mapped.issues };
  return { status: "mapped", resourceType, ...withId, value: mapped.value, warnings: w };
}

/** Reads one FHIR XML document (see parseFhirXml for what is refused). */
export function importFhirXml(xml: string, opts: ImportOptions = {}): FhirImportResult {
  const parsed = parseFhirXml(xml);
  if (!parsed.ok) return { status: "invalid", issues: parsed.issues };
  return importFhirResource(parsed.resource, opts);
}
