import type { Party, ShipNotice, ShipNoticeLine } from "../../model/index.js";
import { shippedUnitDevice } from "./export-device.js";
import { toFhirQuantity } from "./fhir-quantity.js";
import { partyReference } from "./fhir-references.js";
import { CodeSystems, FhirSystems } from "./fhir-systems.js";
import { itemRefToConcept } from "./item-codes.js";
import type { SupplyDelivery } from "./r4-resources.js";

const partyOf = (parties: readonly Party[], ...roles: Party["role"][]) =>
  roles.map((r) => parties.find((p) => p.role === r)).find((p) => p !== undefined);

/**
 * One SupplyDelivery per ship-notice line (suppliedItem is 0..1 in R4). A line with a GTIN and
 * lot, serial or expiry points at a contained Device whose UDI carries them; otherwise the item
 * is a concept with every id the line had. basedOn names the order line by identifier.
 */
export function shipNoticeToSupplyDeliveries(sn: ShipNotice): SupplyDelivery[] {
  const supplier = partyReference(partyOf(sn.parties, "ship-from", "supplier", "seller"), "Organization");
  const destination = partyReference(partyOf(sn.parties, "ship-to"), "Location");
  const out: SupplyDelivery[] = [];
  for (const order of sn.orders) {
    order.lines.forEach((line, i) => {
      out.push({
        resourceType: "SupplyDelivery",
        ...contained(line),
        identifier: [
          { system: FhirSystems.shipNoticeLine, value: `${sn.id}/${order.purchaseOrderId}/${line.lineId ?? i + 1}` },
        ],
        basedOn: [
          line.lineId
            ? {
                type: "SupplyRequest",
                identifier: { system: FhirSystems.purchaseOrderLine, value: `${order.purchaseOrderId}/${line.lineId}` },
              }
            : { type: "SupplyRequest", display: `purchase order ${order.purchaseOrderId}` },
        ],
        status: sn.purpose === "cancel" ? "abandoned" : "in-progress",
        type: {
          coding: [
            line.item.ndc
              ? { system: CodeSystems.supplyItemType, code: "medication", display: "Medication" }
              : { system: CodeSystems.supplyItemType, code: "device", display: "Device" },
          ],
        },
        suppliedItem: {
          quantity: toFhirQuantity(line.quantityShipped, line.uom),
          ...(hasUdi(line)
            ? { itemReference: { reference: "#udi" } }
            : { itemCodeableConcept: itemRefToConcept(line.item) }),
        },
        occurrenceDateTime: sn.shipDate ?? sn.noticeDate,
        ...(supplier ? { supplier } : {}),
        ...(destination ? { destination } : {}),
      });
    });
  }
  return out;
}

const hasUdi = (l: ShipNoticeLine) => l.item.gtin !== undefined && (l.lot ?? l.serial ?? l.expiresOn) !== undefined;

function contained(line: ShipNoticeLine): Pick<SupplyDelivery, "contained"> {
  if (!hasUdi(line)) return {};
  return {
    contained: [
      shippedUnitDevice(
        "udi",
        {
          gtin: line.item.gtin!,
          ...(line.lot ? { lot: line.lot } : {}),
          ...(line.serial ? { serial: line.serial } : {}),
          ...(line.expiresOn ? { expiresOn: line.expiresOn } : {}),
        },
        line.item.description,
      ),
    ],
  };
}
