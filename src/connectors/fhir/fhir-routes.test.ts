import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installProblemHandlers } from "../../api/problem.js";
import { fhirRoutes } from "../../api/routes/fhir.js";
import { typeboxValidatorCompiler } from "../../api/typebox-validator.js";
import { facility, item, supplier } from "./fhir.fixtures.js";
import { memoryFhirReadPort } from "./fhir-read-port.js";
import { validateR4 } from "./validate-r4.js";

/**
 * The FHIR facade (src/api/routes/fhir.ts) through fastify.inject, on an app set up like
 * build-app.ts (problem+json handlers, TypeBox validator) so the two error styles are shown to
 * coexist. Lives here because the route file's folder belongs to the API owner.
 */
let app: FastifyInstance;
const other = { ...supplier, id: "sup-2", name: "Baxter Surgical", duns: "987654321", gln: undefined };

beforeAll(async () => {
  app = Fastify();
  app.setValidatorCompiler(typeboxValidatorCompiler);
  installProblemHandlers(app);
  await app.register(fhirRoutes, {
    port: memoryFhirReadPort({ suppliers: [supplier, other], facilities: [facility], items: [item] }),
  });
  await app.ready();
});
afterAll(() => app.close());

const get = async (url: string) => {
  const res = await app.inject({ method: "GET", url });
  return { status: res.statusCode, type: String(res.headers["content-type"]), body: res.json() as Record<string, any> };
};

describe("FHIR R4 API", () => {
  it("metadata is a valid R4 CapabilityStatement listing each resource's search parameters", async () => {
    const r = await get("/fhir/R4/metadata");
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/fhir\+json/);
    expect(validateR4(r.body)).toEqual([]);
    expect(r.body.rest[0].resource.map((x: { type: string }) => x.type)).toEqual([
      "Organization",
      "Location",
      "Device",
    ]);
  });

  it("reads a supplier and a facility as Organization by their FHIR ids", async () => {
    const s = await get("/fhir/R4/Organization/sup-sup-acme.5Fmed");
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ resourceType: "Organization", name: "Acme Medical Supply" });
    expect(validateR4(s.body)).toEqual([]);
    const f = await get("/fhir/R4/Organization/fac-fac-north");
    expect(f.body.type[0].coding[0].code).toBe("prov");
    const loc = await get("/fhir/R4/Location/fac-fac-north");
    expect(loc.body).toMatchObject({
      resourceType: "Location",
      managingOrganization: { reference: "Organization/fac-fac-north" },
    });
    const dev = await get("/fhir/R4/Device/item-itm-hip-1");
    expect(dev.body.udiCarrier[0].deviceIdentifier).toBe("00844588003288");
  });

  it("an unknown id is a 404 OperationOutcome, not problem+json", async () => {
    for (const url of [
      "/fhir/R4/Organization/sup-nobody",
      "/fhir/R4/Organization/example",
      "/fhir/R4/Location/sup-sup-2",
      "/fhir/R4/Device/item-x",
    ]) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(r.type).toMatch(/^application\/fhir\+json/);
      expect(r.body).toMatchObject({
        resourceType: "OperationOutcome",
        issue: [{ severity: "error", code: "not-found" }],
      });
      expect(r.body.issue[0].details.coding[0].code).toBe("CONCORD_ERR_NOT_FOUND");
      expect(validateR4(r.body)).toEqual([]);
    }
  });

  it("searches Organization by identifier system|value and by name prefix, as a searchset Bundle", async () => {
    const byDuns = await get("/fhir/R4/Organization?identifier=urn:oid:1.3.6.1.4.1.519.1|987654321");
    expect(byDuns.status).toBe(200);
    expect(validateR4(byDuns.body)).toEqual([]);
    expect(byDuns.body).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 1 });
    expect(byDuns.body.entry[0]).toMatchObject({
      fullUrl: "http://localhost:80/fhir/R4/Organization/sup-sup-2",
      resource: { name: "Baxter Surgical" },
      search: { mode: "match" },
    });
    const byGln = await get("/fhir/R4/Organization?identifier=urn:oid:1.3.160|0614141000029");
    expect(byGln.body.entry.map((e: any) => e.resource.id)).toEqual(["fac-fac-north"]);
    const byName = await get("/fhir/R4/Organization?name=acme");
    expect(byName.body.entry.map((e: any) => e.resource.id)).toEqual(["sup-sup-acme.5Fmed"]);
    const both = await get("/fhir/R4/Organization?name=acme&identifier=urn:oid:1.3.6.1.4.1.519.1|987654321");
    expect(both.body.total).toBe(0);
    expect(both.body.entry).toBeUndefined();
    const any = await get("/fhir/R4/Organization?identifier=123456789");
    expect(any.body.total).toBe(1);
    const foreign = await get("/fhir/R4/Organization?identifier=http://example.org/ids|123456789");
    expect(foreign.body.total).toBe(0);
    const all = await get("/fhir/R4/Organization");
    expect(all.body.total).toBe(3);
  });

  it("searches Location and Device", async () => {
    const loc = await get("/fhir/R4/Location?identifier=https://concord.dev/fhir/sid/hin|12345AB01");
    expect(loc.body.entry.map((e: any) => e.resource.resourceType)).toEqual(["Location"]);
    const dev = await get("/fhir/R4/Device?identifier=https://www.gs1.org/gtin|00844588003288");
    expect(dev.body.total).toBe(1);
    expect(validateR4(dev.body.entry[0].resource)).toEqual([]);
    const viaUdi = await get("/fhir/R4/Device?identifier=http://hl7.org/fhir/NamingSystem/gs1-di|00844588003288");
    expect(viaUdi.body.total).toBe(1);
    const none = await get("/fhir/R4/Device?identifier=https://www.gs1.org/gtin|00000000000000");
    expect(none.body.total).toBe(0);
  });

  it("refuses what it does not support with 400 OperationOutcome, never ignoring a parameter", async () => {
    const unknown = await get("/fhir/R4/Organization?address-city=Springfield");
    expect(unknown.status).toBe(400);
    expect(unknown.body.issue[0]).toMatchObject({
      code: "not-supported",
      details: { coding: [{ code: "CONCORD_ERR_FHIR_UNSUPPORTED" }] },
    });
    expect(unknown.body.issue[0].diagnostics).toMatch(/supported: identifier, name, _format/);
    expect((await get("/fhir/R4/Device?name=x")).status).toBe(400);
    expect((await get("/fhir/R4/Organization?_format=xml")).status).toBe(400);
    expect((await get("/fhir/R4/Organization?identifier=urn:oid:1.3.160|")).status).toBe(400);
    const repeated = await get("/fhir/R4/Organization?name=a&name=b");
    expect(repeated.status).toBe(400);
    expect(repeated.body.issue[0].details.coding[0].code).toBe("CONCORD_ERR_INPUT_QUERY");
  });

  it("unknown FHIR paths answer OperationOutcome; the rest of the API keeps problem+json", async () => {
    const fhir = await get("/fhir/R4/Patient/1");
    expect(fhir.status).toBe(404);
    expect(fhir.body.resourceType).toBe("OperationOutcome");
    const api = await get("/v1/nothing");
    expect(api.status).toBe(404);
    expect(api.type).toMatch(/^application\/problem\+json/);
  });
});
