import { describe, expect, it } from "vitest";
import { STORE_KINDS } from "../support/stores.js";
import { hubHeaders, useRecordingHub } from "../support/test-hub.js";

/** The FHIR R4 facade reads the hub's own canonical records (seeded here by the small health system). */
describe.each(STORE_KINDS)("FHIR R4 facade over the store ($name)", (kind) => {
  const env = useRecordingHub(kind);
  const t = () => env;

  it("serves a supplier as an Organization and finds facilities by name, as FHIR JSON", async () => {
    const org = await fetch(`${t().hub.url}/fhir/R4/Organization/sup-sup-1`, { headers: hubHeaders() });
    expect(org.status).toBe(200);
    expect(org.headers.get("content-type")).toContain("application/fhir+json");
    expect((await org.json()) as object).toMatchObject({ resourceType: "Organization", id: "sup-sup-1" });

    const search = await fetch(`${t().hub.url}/fhir/R4/Location?name=${encodeURIComponent("Facility")}`, {
      headers: hubHeaders(),
    });
    expect(search.status).toBe(200);
    const bundle = (await search.json()) as object;
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 2 });

    const device = await fetch(`${t().hub.url}/fhir/R4/Device/item-itm-1`, { headers: hubHeaders() });
    expect(device.status).toBe(200);
    expect((await device.json()) as object).toMatchObject({ resourceType: "Device" });
  });

  it("answers an unknown id with a 404 OperationOutcome, not problem+json", async () => {
    const res = await fetch(`${t().hub.url}/fhir/R4/Organization/sup-nope`, { headers: hubHeaders() });
    expect(res.status).toBe(404);
    expect((await res.json()) as object).toMatchObject({ resourceType: "OperationOutcome" });
  });
});
