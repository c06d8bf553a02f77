import type { Issue } from "../../model/index.js";
import { fromFhirQuantity } from "./fhir-quantity.js";
import { importDate, importIdentifiers, importReference } from "./import-helpers.js";
import type { ImportedReference, ImportedSupplyDelivery, ImportedSupplyRequest } from "./import-types.js";
import { conceptToItemRef } from "./item-codes.js";
import type { CodeableConcept, Reference, SupplyDelivery, SupplyRequest } from "./r4-resources.js";

/** The item of a supply resource: codings become an item reference; a literal reference to one of our Devices names the item. */
function importItem(
  concept: CodeableConcept | undefined,
  reference: Reference | undefined,
  path: string,
  warnings: Issue[],
) {
  if (concept) {
    const { ref, unknownSystems } = conceptToItemRef(concept);
    for (const s of unknownSystems) {
      warnings.push({
        path,
        rule: "fhir.code-system",
        message: `item code system ${s} is not one Concord maps; coding ignored`,
      });
    }
    return ref;
  }
  const r = importReference(reference);
  if (r?.concord?.kind === "item") return { itemId: r.concord.id, ...(r.display ? { description: r.display } : {}) };
  if (r?.display) return { description: r.display.slice(0, 500) };
  return undefined;
}

/**
 * A SupplyRequest (a replenishment or requisition line from the clinical side) as a request
 * line: the item as a reference for intake to resolve, the quantity as a decimal string, the
 * date needed, and who asked, supplies and receives.
 */
export function importSupplyRequest(
  r: SupplyRequest,
  warnings: Issue[],
): { value?: ImportedSupplyRequest; issues: Issue[] } {
  const issues: Issue[] = [];
  const path = r.itemCodeableConcept ? "/itemCodeableConcept" : "/itemReference";
  const item = importItem(r.itemCodeableConcept, r.itemReference, path, warnings);
  if (!item) issues.push({ path, rule: "fhir.item", message: "the item has no code Concord can match and no text" });
  const q = fromFhirQuantity(r.quantity, "/quantity");
  issues.push(...q.issues);
  if (q.uom === undefined && q.quantity !== undefined) {
    warnings.push({
      path: "/quantity",
      rule: "fhir.unit",
      message: "no unit Concord recognises; the item's base unit applies",
    });
  }
  if (issues.length > 0 || !item || q.quantity === undefined) return { issues };
  const neededBy = importDate(r.occurrenceDateTime, "/occurrenceDateTime", warnings);
  const authoredOn = importDate(r.authoredOn, "/authoredOn", warnings);
  const deliverTo = importReference(r.deliverTo);
  const deliverFrom = importReference(r.deliverFrom);
  const requester = importReference(r.requester);
  return {
    value: {
      kind: "supply-request",
      identifiers: importIdentifiers(r.identifier),
      ...(r.status ? { status: r.status } : {}),
      item,
      quantity: q.quantity,
      ...(q.uom ? { uom: q.uom } : {}),
      ...(neededBy ? { neededBy } : {}),
      ...(authoredOn ? { authoredOn } : {}),
      ...(requester ? { requester } : {}),
      suppliers: (r.supplier ?? []).map(importReference).filter((x): x is ImportedReference => x !== undefined),
      ...(deliverTo ? { deliverTo } : {}),
      ...(deliverFrom ? { deliverFrom } : {}),
    },
    issues,
  };
}

/** A SupplyDelivery (goods handed over) as a receipt-like record tied to the request it fulfils. */
export function importSupplyDelivery(
  d: SupplyDelivery,
  warnings: Issue[],
): { value?: ImportedSupplyDelivery; issues: Issue[] } {
  const issues: Issue[] = [];
  const supplied = d.suppliedItem;
  const item = supplied
    ? importItem(supplied.itemCodeableConcept, supplied.itemReference, "/suppliedItem", warnings)
    : undefined;
  const q = supplied?.quantity ? fromFhirQuantity(supplied.quantity, "/suppliedItem/quantity") : { issues: [] };
  issues.push(...q.issues);
  if (issues.length > 0) return { issues };
  const occurredOn = importDate(d.occurrenceDateTime, "/occurrenceDateTime", warnings);
  const supplier = importReference(d.supplier);
  const destination = importReference(d.destination);
  return {
    value: {
      kind: "supply-delivery",
      identifiers: importIdentifiers(d.identifier),
      ...(d.status ? { status: d.status } : {}),
      basedOn: (d.basedOn ?? []).map(importReference).filter((x): x is ImportedReference => x !== undefined),
      ...(item ? { item } : {}),
      ...("quantity" in q && q.quantity !== undefined ? { quantity: q.quantity } : {}),
      ...("uom" in q && q.uom !== undefined ? { uom: q.uom } : {}),
      ...(occurredOn ? { occurredOn } : {}),
      ...(supplier ? { supplier } : {}),
      ...(destination ? { destination } : {}),
    },
    issues,
  };
}
