import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Supplier } from "../../model/index.js";
import { itemToDevice } from "./export-device.js";
import {
  facilityToLocation,
  facilityToOrganization,
  partyToOrganization,
  supplierToOrganization,
} from "./export-organization.js";
import { shipNoticeToSupplyDeliveries } from "./export-supply-delivery.js";
import { purchaseOrderToSupplyRequests, requisitionToSupplyRequests } from "./export-supply-request.js";
import { facility, item, purchaseOrder, requisition, shipNotice, supplier } from "./fhir.fixtures.js";
import { FhirSystems } from "./fhir-systems.js";
import { importFhirResource } from "./import-fhir-resource.js";
import { validateR4 } from "./validate-r4.js";

const everything = () => [
  supplierToOrganization(supplier),
  facilityToOrganization(facility),
  facilityToLocation(facility),
  itemToDevice(item),
  partyToOrganization(purchaseOrder.parties[1]!),
  ...requisitionToSupplyRequests(requisition),
  ...purchaseOrderToSupplyRequests(purchaseOrder),
  ...shipNoticeToSupplyDeliveries(shipNotice),
];

describe("FHIR R4 export", () => {
  it("every resource Concord emits is valid against the strict R4 subset", () => {
    for (const r of everything()) expect(validateR4(r, "strict"), `${r.resourceType} ${JSON.stringify(r)}`).toEqual([]);
  });

  it("the validator catches what would make the output invalid R4", () => {
    const [org, , loc, dev, , req] = everything() as Record<string, unknown>[];
    const rules = (r: unknown) => validateR4(r).map((i) => `${i.rule} ${i.path}`);
    expect(rules({ ...org, colour: "red" })).toEqual(["fhir.r4-schema /colour"]);
    expect(rules({ ...loc, status: "open" })[0]).toMatch(/^fhir\.r4-schema \/status/);
    expect(rules({ ...req, itemCodeableConcept: { text: "x" } })).toEqual(["fhir.item-x /"]);
    const { quantity: _q, ...noQuantity } = req!;
    expect(rules(noQuantity)[0]).toMatch(/^fhir\.r4-schema \/quantity/);
    expect(rules({ resourceType: "Organization", id: "x" })).toEqual(["fhir.org-1 /"]);
    expect(rules({ ...dev, id: "has_underscore" })[0]).toMatch(/^fhir\.r4-schema \/id/);
    expect(rules({ ...dev, udiCarrier: [{ deviceIdentifier: "123", issuer: FhirSystems.udiIssuerGs1 }] })).toEqual([
      "fhir.udi-di /udiCarrier/0/deviceIdentifier",
    ]);
    expect(rules({ ...org, partOf: { reference: "not a reference" } })).toEqual(["fhir.reference /partOf/reference"]);
    expect(rules({ resourceType: "Patient" })).toEqual(["fhir.resource-type /resourceType"]);
  });

  it("a supplier is a business Organization with DUNS and GLN, a facility a provider part of its IDN", () => {
    const s = supplierToOrganization(supplier);
    expect(s.id).toBe("sup-sup-acme.5Fmed");
    expect(s.identifier).toEqual([
      { system: "https://concord.dev/fhir/sid/supplier", value: "sup-acme_med" },
      { system: "urn:oid:1.3.6.1.4.1.519.1", value: "123456789" },
      { system: "urn:oid:1.3.160", value: "0614141000012" },
    ]);
    expect(s.type?.[0]?.coding?.[0]?.code).toBe("bus");
    const f = facilityToOrganization(facility);
    expect(f.type?.[0]?.coding?.[0]?.code).toBe("prov");
    expect(f.partOf).toEqual({ reference: "Organization/pe-pe-1" });
    expect(f.identifier?.map((i) => i.system)).toContain(FhirSystems.hin);
    const l = facilityToLocation(facility);
    expect(l.managingOrganization).toEqual({
      reference: "Organization/fac-fac-north",
      display: "North Campus Hospital",
    });
    expect(l.address).toMatchObject({ line: ["200 Lakeside Ave", "Dock 4"], state: "IL", postalCode: "62701" });
  });

  it("a trade party's tax id is written only when asked for, typed TAX", () => {
    const party = purchaseOrder.parties[1]!;
    expect(partyToOrganization(party).identifier?.map((i) => i.system)).toEqual([FhirSystems.duns]);
    const withTax = partyToOrganization(party, { includeTaxId: true });
    expect(withTax.identifier?.[1]).toMatchObject({
      system: FhirSystems.tin,
      value: "12-3456789",
      type: { coding: [{ code: "TAX" }] },
    });
  });

  it("an item is a Device whose UDI device identifier is the GTIN, issued by GS1", () => {
    const d = itemToDevice(item);
    expect(d.udiCarrier).toEqual([
      {
        deviceIdentifier: "00844588003288",
        issuer: "http://hl7.org/fhir/NamingSystem/gs1-di",
        jurisdiction: "http://hl7.org/fhir/NamingSystem/fda-udi",
        carrierHRF: "(01)00844588003288",
      },
    ]);
    expect(itemToDevice({ ...item, gtin: undefined } as never).udiCarrier).toBeUndefined();
  });

  it("requisition and order lines become one SupplyRequest each, resolved items by reference", () => {
    const [r1, r2] = requisitionToSupplyRequests(requisition);
    expect(r1).toMatchObject({
      itemReference: { reference: "Device/item-itm-hip-1" },
      quantity: { value: 2, unit: "each", system: "http://unitsofmeasure.org", code: "{each}" },
      occurrenceDateTime: "2026-03-02",
      requester: { display: "Dana Reyes" },
      deliverTo: { reference: "Location/fac-fac-north" },
    });
    expect(r2!.itemReference).toEqual({ reference: "Device/item-itm-gauze.3A4x4" });
    const [p1, p2] = purchaseOrderToSupplyRequests(purchaseOrder);
    expect(p1!.identifier).toEqual([{ system: FhirSystems.purchaseOrderLine, value: "PO 4500012/10" }]);
    expect(p2!.itemCodeableConcept).toEqual({
      coding: [
        { system: FhirSystems.gtin, code: "10614141000415" },
        { system: FhirSystems.supplierPartNo, code: "GZ-44" },
      ],
      text: "Gauze 4x4",
    });
    expect(p2!.supplier).toEqual([
      {
        type: "Organization",
        identifier: { system: FhirSystems.duns, value: "123456789" },
        display: "Acme Medical Supply",
      },
    ]);
    expect(p2!.deliverTo).toMatchObject({
      type: "Location",
      identifier: { system: FhirSystems.gln, value: "0614141000029" },
    });
  });

  it("a shipped unit with lot, serial and expiry is a contained Device with the GS1 HRF (01)(17)(10)(21)", () => {
    const [d1, d2] = shipNoticeToSupplyDeliveries(shipNotice);
    expect(d1!.contained?.[0]).toMatchObject({
      id: "udi",
      lotNumber: "7654321D",
      serialNumber: "10987654d321",
      expirationDate: "2029-11-20",
      udiCarrier: [
        { deviceIdentifier: "00844588003288", carrierHRF: "(01)00844588003288(17)291120(10)7654321D(21)10987654d321" },
      ],
    });
    expect(d1!.suppliedItem).toMatchObject({ itemReference: { reference: "#udi" }, quantity: { value: 1 } });
    expect(d1!.basedOn).toEqual([
      { type: "SupplyRequest", identifier: { system: FhirSystems.purchaseOrderLine, value: "PO 4500012/10" } },
    ]);
    expect(d1!.status).toBe("in-progress");
    expect(d2!.contained).toBeUndefined();
    expect(d2!.basedOn?.[0]?.display).toBe("purchase order PO 4500012");
  });

  it("exported supply resources read back to the same item, quantity and dates", () => {
    for (const r of purchaseOrderToSupplyRequests(purchaseOrder)) {
      const back = importFhirResource(r);
      expect(back.status).toBe("mapped");
      if (back.status !== "mapped" || back.value.kind !== "supply-request") continue;
      const line = purchaseOrder.lines.find((l) => r.identifier?.[0]?.value?.endsWith(`/${l.lineId}`))!;
      expect(back.value.quantity).toBe(line.quantity);
      expect(back.value.uom).toBe(line.uom);
      expect(back.value.item.itemId ?? back.value.item.gtin).toBe(line.item.itemId ?? line.item.gtin);
      expect(back.value.authoredOn).toBe(purchaseOrder.orderDate);
    }
    const shipped = importFhirResource(shipNoticeToSupplyDeliveries(shipNotice)[0]);
    expect(shipped.status).toBe("mapped");
  });

  it("any valid supplier exports to valid R4 whose id leads back to it", () => {
    const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,40}$/);
    const name = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => /\S/.test(s) && s.trim() === s);
    fc.assert(
      fc.property(id, name, fc.constantFrom("active", "onboarding", "inactive"), (sid, n, status) => {
        const s: Supplier = { ...supplier, id: sid, name: n, status: status as Supplier["status"] };
        const org = supplierToOrganization(s);
        expect(validateR4(org)).toEqual([]);
        const back = importFhirResource(org);
        expect(back.status === "mapped" && back.value.kind === "organization" && back.value.role).toBe("supplier");
      }),
    );
  });
});
