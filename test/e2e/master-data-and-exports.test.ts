import { describe, expect, it } from "vitest";
import { readCsv } from "../../src/connectors/csv/index.js";
import { decodeDocument, decodeInterchange } from "../../src/connectors/x12/index.js";
import type { Item } from "../../src/model/index.js";
import { itemRecord, supplierRecord } from "../support/records.js";
import { STORE_KINDS } from "../support/stores.js";
import { getJson, hubHeaders, useRecordingHub } from "../support/test-hub.js";

const importBatch = (url: string, kind: string, system: string, records: unknown[]) =>
  fetch(`${url}/v1/imports/${kind}`, {
    method: "POST",
    headers: { ...hubHeaders(), "content-type": "application/json", "x-concord-system": system },
    body: JSON.stringify({ records }),
  });

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe.each(STORE_KINDS)("master data writes and bulk exports ($name)", (kind) => {
  const env = useRecordingHub(kind, {
    partners: [{ system: "procurement", x12: { qualifier: "ZZ", id: "PROCURE" } }],
  });

  it("lets the ERP create and change items in a batch, record by record", async () => {
    const fresh: Item = { ...itemRecord(50, "Suture kit"), gtin: "00614141000036" };
    const changed = { ...itemRecord(1, "Exam glove nitrile size 1 (renamed)") };
    const broken = { ...itemRecord(51, "Broken"), unspsc: "12" };
    const res = await importBatch(env.hub.url, "items", "erp", [
      fresh,
      changed,
      itemRecord(2, "Exam glove nitrile size 2"),
      broken,
    ]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      created: number;
      updated: number;
      unchanged: number;
      rejected: number;
      results: { status: string; problem?: { code: string; detail: string } }[];
    };
    expect(body).toMatchObject({ created: 1, updated: 1, unchanged: 1, rejected: 1 });
    expect(body.results[3]!.problem).toMatchObject({ code: "CONCORD_ERR_INPUT_SCHEMA" });
    expect((await getJson(`${env.hub.url}/v1/items/itm-50`)).body).toMatchObject({ description: "Suture kit" });
    // The new item is now known by its GTIN to partners' documents.
    const [x] = await env.hub.store.query(
      "SELECT canonical_id FROM xrefs WHERE system = 'gs1' AND local_id = '00614141000036'",
    );
    expect(x).toEqual({ canonical_id: "itm-50" });
  });

  it("refuses a change from a system that does not own the data, as a policy violation, and changes nothing", async () => {
    const res = await importBatch(env.hub.url, "suppliers", "procurement", [
      { ...supplierRecord(1), name: "Renamed by procurement" },
    ]);
    const body = (await res.json()) as { rejected: number; results: { problem: { code: string; detail: string } }[] };
    expect(body.rejected).toBe(1);
    expect(body.results[0]!.problem.code).toBe("CONCORD_ERR_POLICY_OWNERSHIP");
    expect(body.results[0]!.problem.detail).toMatch(/identity belongs to erp/);
    expect((await getJson(`${env.hub.url}/v1/suppliers/sup-1`)).body.name).toBe("Supplier 1");
    const violations = await getJson(`${env.hub.url}/v1/policy-violations`);
    expect(
      (violations.body.items as { system: string; entityType: string; entityId: string }[]).some(
        (v) => v.system === "procurement" && v.entityType === "supplier" && v.entityId === "sup-1",
      ),
    ).toBe(true);
  });

  it("exports suppliers, items and current contract prices as CSV that reads back", async () => {
    for (const [path, kind] of [
      ["suppliers", "supplier"],
      ["items", "item"],
      ["contract-prices", "contract-price"],
    ] as const) {
      const res = await fetch(`${env.hub.url}/v1/exports/${path}.csv`, { headers: hubHeaders() });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/csv");
      const read = await collect(readCsv(kind, [await res.text()]));
      expect(read.length).toBeGreaterThan(0);
      expect(read.every((r) => "record" in r)).toBe(true);
    }
  });

  it("exports suppliers as a FHIR bundle and contracts as an 845 interchange for a partner", async () => {
    const fhir = await fetch(`${env.hub.url}/v1/exports/suppliers.fhir.json`, { headers: hubHeaders() });
    const bundle = (await fhir.json()) as { resourceType: string; entry: { resource: { resourceType: string } }[] };
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(["Organization", "Organization"]);

    const x12 = await fetch(`${env.hub.url}/v1/exports/contract-prices.x12?partner=procurement`, {
      headers: hubHeaders(),
    });
    expect(x12.status).toBe(200);
    const set = decodeInterchange(await x12.text()).groups[0]!.sets[0]!;
    const doc = decodeDocument(set).document;
    expect(doc).toMatchObject({ kind: "price-authorization", contractNumber: "AGR-1" });
    expect(JSON.stringify(doc)).toContain("PRC-1"); // procurement's own item number

    const unknown = await fetch(`${env.hub.url}/v1/exports/contract-prices.x12?partner=nobody`, {
      headers: hubHeaders(),
    });
    expect(unknown.status).toBe(404);
  });
});
