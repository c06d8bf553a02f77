import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type FhirImportResult, importFhirXml } from "../../src/connectors/fhir/index.js";

/**
 * Every FHIR document in the shared conformance corpus (HL7's own examples) is read: the ones
 * with a canonical counterpart map, with their version quirks reported as warnings; Contract and
 * Invoice are refused as not modelled, with the reason.
 */
const CORPUS = fileURLToPath(new URL("../corpus", import.meta.url));
const DIR = join(CORPUS, "fhir");
const files = (() => {
  try {
    return readdirSync(DIR).filter((f) => f.endsWith(".xml"));
  } catch {
    return [];
  }
})();
const read = (f: string) => importFhirXml(readFileSync(join(DIR, f), "utf8"), { today: "2025-06-01" });
const mapped = (r: FhirImportResult) => {
  if (r.status !== "mapped") throw new Error(`expected mapped, got ${JSON.stringify(r)}`);
  return r;
};
const quirks = (r: FhirImportResult) =>
  r.status === "mapped" ? r.warnings.filter((w) => w.rule === "fhir.quirk").map((w) => w.path) : [];

const EXPECTED: Record<string, FhirImportResult["status"]> = {
  "contract-example.xml": "not-modelled",
  "device-example-udi1.xml": "mapped",
  "invoice-example.xml": "not-modelled",
  "organization-example-good-health-care.xml": "mapped",
  "supplydelivery-example.xml": "mapped",
  "supplyrequest-example-simpleorder.xml": "mapped",
};

describe.skipIf(files.length === 0)(`FHIR corpus (${DIR})`, () => {
  it("every corpus file has an expected outcome here, so a new file cannot go untested", () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)("%s decodes to its expected outcome without throwing", (f) => {
    expect(read(f).status).toBe(EXPECTED[f]);
  });

  it("Device with an STU3 udi: GTIN, lot, serial and expiry, agreeing across HRF and elements", () => {
    const r = mapped(read("device-example-udi1.xml"));
    expect(r.value).toEqual({
      kind: "device",
      item: { gtin: "00844588003288", description: "FHIR® Hip System" },
      lot: "7654321D",
      serial: "10987654d321",
      expiresOn: "2014-11-20",
      udi: {
        deviceIdentifier: "00844588003288",
        issuer: "http://hl7.org/fhir/NamingSystem/gs1-di",
        carrierHRF: "{01}00844588003288{17}141120{10}7654321D{21}10987654d321",
      },
      status: "active",
      manufacturer: "Acme Devices, Inc",
    });
    expect(quirks(r)).toEqual(["/udi", "/identifier"]);
    // The corpus GTIN has a valid check digit and the HRF agrees with every element: no other warning.
    expect(r.warnings.filter((w) => w.rule !== "fhir.quirk")).toEqual([]);
  });

  it("Organization with an OID identifier: a party whose id Concord cannot interpret is kept as other", () => {
    const r = mapped(read("organization-example-good-health-care.xml"));
    expect(r.id).toBe("2.16.840.1.113883.19.5");
    expect(r.value).toEqual({
      kind: "organization",
      role: "unknown",
      party: { role: "other", name: "Good Health Clinic", ids: [{ scheme: "other", value: "2.16.840.1.113883.19.5" }] },
    });
    expect(r.warnings.map((w) => w.rule)).toEqual(["fhir.identifier-system"]);
  });

  it("R5-style SupplyRequest: item.concept read as the item, quantity and dates kept", () => {
    const r = mapped(read("supplyrequest-example-simpleorder.xml"));
    expect(r.value).toEqual({
      kind: "supply-request",
      identifiers: [{ value: "Order10284" }],
      status: "active",
      item: { buyerPartNo: "BlueTubes", description: "Blood collect tubes blue cap" },
      quantity: "10",
      neededBy: "2016-12-31",
      authoredOn: "2016-12-31",
      requester: { display: "Henry Seven" },
      suppliers: [{ display: "Vendor1" }],
      deliverTo: { display: "GoodHealth Clinic Receiving" },
      deliverFrom: { display: "Location 1" },
    });
    expect(quirks(r)).toEqual(["/item", "/reason"]);
  });

  it("SupplyDelivery: based on the request above, same item code, pre-R4 type system normalised", () => {
    const r = mapped(read("supplydelivery-example.xml"));
    expect(r.value).toEqual({
      kind: "supply-delivery",
      identifiers: [{ value: "Order10284" }],
      status: "completed",
      basedOn: [{ reference: "SupplyRequest/simpleorder" }],
      item: { buyerPartNo: "BlueTubes", description: "Blood collect tubes blue cap" },
      quantity: "10",
      occurredOn: "2016-12-31",
      supplier: { display: "Vendor1" },
      destination: { display: "Location 1" },
    });
    expect(quirks(r)).toEqual(["/type"]);
    const request = mapped(read("supplyrequest-example-simpleorder.xml"));
    expect(request.value.kind === "supply-request" && request.value.item).toEqual(
      r.value.kind === "supply-delivery" ? r.value.item : undefined,
    );
  });

  it("Contract and Invoice are refused as not modelled, saying why", () => {
    const contract = read("contract-example.xml");
    const invoice = read("invoice-example.xml");
    expect(contract).toMatchObject({ status: "not-modelled", resourceType: "Contract", id: "C-123" });
    expect(contract.status === "not-modelled" && contract.reason).toMatch(
      /no price tiers, eligibility roster or rebate/,
    );
    expect(invoice).toMatchObject({ status: "not-modelled", resourceType: "Invoice", id: "example" });
    expect(invoice.status === "not-modelled" && invoice.reason).toMatch(/patient billing/);
  });
});
