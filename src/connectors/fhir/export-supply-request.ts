import type { Party, PurchaseOrder, Requisition } from "../../model/index.js";
import { toFhirQuantity } from "./fhir-quantity.js";
import { literalReference, partyReference } from "./fhir-references.js";
import { FhirSystems } from "./fhir-systems.js";
import { itemRefToConcept } from "./item-codes.js";
import type { SupplyRequest } from "./r4-resources.js";

/**
 * One SupplyRequest per line: R4's SupplyRequest orders a single item (item[x] 1..1), so a
 * requisition or order of n lines becomes n resources, tied together by their identifiers
 * (`<document id>/<line id>`). Resources get no id: a partner document id may hold characters a
 * FHIR id cannot, and the identifier is what a receiver matches on.
 */
export function requisitionToSupplyRequests(req: Requisition): SupplyRequest[] {
  return req.lines.map((line) => ({
    resourceType: "SupplyRequest",
    identifier: [{ system: FhirSystems.requisitionLine, value: `${req.id}/${line.lineId}` }],
    status: "active",
    itemReference: literalReference("Device", "item", line.itemId),
    quantity: toFhirQuantity(line.quantity, line.uom),
    occurrenceDateTime: req.neededBy,
    requester: { display: req.requester },
    deliverTo: literalReference("Location", "facility", req.facilityId),
  }));
}

const partyOf = (parties: readonly Party[], ...roles: Party["role"][]) =>
  roles.map((r) => parties.find((p) => p.role === r)).find((p) => p !== undefined);

/** Purchase-order lines as SupplyRequests: the canonical item when resolved, else every id the line carried. */
export function purchaseOrderToSupplyRequests(po: PurchaseOrder): SupplyRequest[] {
  const supplier = partyReference(partyOf(po.parties, "supplier", "seller"), "Organization");
  const requester = po.facilityId
    ? literalReference("Organization", "facility", po.facilityId)
    : partyReference(partyOf(po.parties, "buyer", "bill-to"), "Organization");
  const deliverTo = po.facilityId
    ? literalReference("Location", "facility", po.facilityId)
    : partyReference(partyOf(po.parties, "ship-to"), "Location");
  return po.lines.map((line) => ({
    resourceType: "SupplyRequest",
    identifier: [{ system: FhirSystems.purchaseOrderLine, value: `${po.id}/${line.lineId}` }],
    status: po.purpose === "cancel" ? "cancelled" : "active",
    ...(line.item.itemId
      ? { itemReference: literalReference("Device", "item", line.item.itemId, line.item.description) }
      : { itemCodeableConcept: itemRefToConcept(line.item) }),
    quantity: toFhirQuantity(line.quantity, line.uom),
    ...(line.requestedDelivery ? { occurrenceDateTime: line.requestedDelivery } : {}),
    authoredOn: po.orderDate,
    ...(requester ? { requester } : {}),
    ...(supplier ? { supplier: [supplier] } : {}),
    ...(deliverTo ? { deliverTo } : {}),
  }));
}
