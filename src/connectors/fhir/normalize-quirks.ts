import type { Issue } from "../../model/index.js";
import { CodeSystems } from "./fhir-systems.js";
import type { FhirJson } from "./parse-fhir-xml.js";

/**
 * Brings resources written against other FHIR versions to R4 before they are validated and
 * mapped, and says what it changed (rule `fhir.quirk`, a warning, never a rejection):
 * - SupplyRequest (R5): `item` is a CodeableReference ({concept} / {reference}) → R4
 *   itemCodeableConcept / itemReference; `reason` (CodeableReference) → reasonCode / reasonReference.
 * - Device (STU3): `udi` → R4 `udiCarrier`; its `name` (the label name) → deviceName udi-label-name.
 * - SupplyDelivery: the pre-R4 code system URL `http://hl7.org/fhir/supplydelivery-supplyitemtype`
 *   → the R4 `supply-item-type` system (same codes).
 * - Identifier types in the pre-R4 `http://hl7.org/fhir/identifier-type` system → v2-0203 (same codes).
 */
export function normalizeQuirks(resource: FhirJson): { readonly resource: FhirJson; readonly warnings: Issue[] } {
  const r: Record<string, unknown> = structuredClone(resource) as Record<string, unknown>;
  const warnings: Issue[] = [];
  const warn = (path: string, message: string) => warnings.push({ path, rule: "fhir.quirk", message });

  if (r.resourceType === "SupplyRequest") {
    const item = r.item as { concept?: unknown; reference?: unknown } | undefined;
    if (item !== undefined) {
      delete r.item;
      if (item.concept !== undefined) r.itemCodeableConcept = item.concept;
      if (item.reference !== undefined) r.itemReference = item.reference;
      warn("/item", "R5 SupplyRequest.item (CodeableReference) read as R4 itemCodeableConcept/itemReference");
    }
    const reason = r.reason as { concept?: unknown; reference?: unknown }[] | undefined;
    if (reason !== undefined) {
      delete r.reason;
      const codes = reason.map((x) => x.concept).filter((x) => x !== undefined);
      const refs = reason.map((x) => x.reference).filter((x) => x !== undefined);
      if (codes.length > 0) r.reasonCode = codes;
      if (refs.length > 0) r.reasonReference = refs;
      warn("/reason", "R5 SupplyRequest.reason (CodeableReference) read as R4 reasonCode/reasonReference");
    }
  }

  if (r.resourceType === "Device" && Array.isArray(r.udi)) {
    const udi = r.udi as Record<string, unknown>[];
    delete r.udi;
    r.udiCarrier = udi.map(({ name: _name, ...rest }) => rest);
    const names = udi.map((u) => u.name).filter((n): n is string => typeof n === "string");
    if (names.length > 0) {
      r.deviceName = [
        ...((r.deviceName as unknown[]) ?? []),
        ...names.map((name) => ({ name, type: "udi-label-name" })),
      ];
    }
    warn("/udi", "STU3 Device.udi read as R4 udiCarrier (udi.name moved to deviceName)");
  }

  if (r.resourceType === "SupplyDelivery") {
    for (const c of (r.type as { coding?: { system?: string }[] } | undefined)?.coding ?? []) {
      if (c.system === "http://hl7.org/fhir/supplydelivery-supplyitemtype") {
        c.system = CodeSystems.supplyItemType;
        warn("/type", "pre-R4 supply item type system read as http://terminology.hl7.org/CodeSystem/supply-item-type");
      }
    }
  }

  for (const id of (r.identifier as { type?: { coding?: { system?: string }[] } }[] | undefined) ?? []) {
    for (const c of id.type?.coding ?? []) {
      if (c.system === "http://hl7.org/fhir/identifier-type") {
        c.system = CodeSystems.identifierType;
        warn("/identifier", "pre-R4 identifier-type system read as v2-0203");
      }
    }
  }
  return { resource: r as FhirJson, warnings };
}
