import type { Item } from "../../model/index.js";
import { requireFhirId } from "./fhir-references.js";
import { FhirSystems } from "./fhir-systems.js";
import { type UdiParts, udiHrf } from "./gs1-udi.js";
import { concordIdSystem } from "./item-codes.js";
import type { Device } from "./r4-resources.js";

/** The UDI carrier for a GS1 GTIN; the HRF adds lot, serial and expiry when they are known. */
export function gs1UdiCarrier(parts: UdiParts & { readonly gtin: string }) {
  const hrf = udiHrf(parts);
  return {
    deviceIdentifier: parts.gtin,
    issuer: FhirSystems.udiIssuerGs1,
    jurisdiction: FhirSystems.udiJurisdictionFda,
    ...(hrf ? { carrierHRF: hrf } : {}),
  };
}

/** An item of the item master as a Device: GTIN as the UDI device identifier, UNSPSC as its type. */
export function itemToDevice(item: Item): Device {
  return {
    resourceType: "Device",
    id: requireFhirId("item", item.id),
    identifier: [
      { system: concordIdSystem("item"), value: item.id },
      { system: FhirSystems.manufacturerPartNo, value: item.manufacturerPartNo },
    ],
    ...(item.gtin ? { udiCarrier: [gs1UdiCarrier({ gtin: item.gtin })] } : {}),
    status: item.status,
    manufacturer: item.manufacturerName,
    deviceName: [{ name: item.description, type: "user-friendly-name" }],
    partNumber: item.manufacturerPartNo,
    type: { coding: [{ system: FhirSystems.unspsc, code: item.unspsc }] },
  };
}

/** A physical unit shipped: the device identifier plus its production identifiers. */
export function shippedUnitDevice(
  id: string,
  parts: UdiParts & { readonly gtin: string },
  description?: string,
): Device {
  return {
    resourceType: "Device",
    id,
    udiCarrier: [gs1UdiCarrier(parts)],
    ...(parts.expiresOn ? { expirationDate: parts.expiresOn } : {}),
    ...(parts.lot ? { lotNumber: parts.lot } : {}),
    ...(parts.serial ? { serialNumber: parts.serial } : {}),
    ...(description ? { deviceName: [{ name: description, type: "user-friendly-name" as const }] } : {}),
  };
}
