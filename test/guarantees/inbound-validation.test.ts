import { describe, expect, it } from "vitest";
import { contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { getJson, hubHeaders, postVersion, useRecordingHub } from "../support/test-hub.js";

/** A CLM webhook body in the CLM's own format, for the seeded agreement AGR-1. */
function clmEvent(eventId: string, overrides: Record<string, unknown> = {}) {
  return {
    eventId,
    eventType: "agreement.amended",
    occurredAt: "2026-11-25T10:00:00Z",
    agreement: {
      agreementNo: "AGR-1",
      amendmentNo: 2,
      title: "Gloves agreement",
      vendorCode: "VND-1",
      currencyCode: "USD",
      startDate: "2026-01-01",
      endDate: "2028-12-31",
      priceBasis: "ORDER_DATE",
      pricing: [
        {
          lineRef: 1,
          itemCode: "CLM-ITM-1",
          uom: "BX",
          price: "12.5000",
          tiers: [{ tierCode: "T1", price: "11.25" }],
          validFrom: "2026-12-01",
          validTo: null,
        },
      ],
      sites: [{ siteCode: "SITE-1", tierCode: "T1", eligibleFrom: "2026-01-01", eligibleTo: null }],
      incentives: [],
      ...overrides,
    },
  };
}

const postClm = async (hubUrl: string, body: unknown) => {
  const res = await fetch(`${hubUrl}/v1/inbound/clm/agreement-events`, {
    method: "POST",
    headers: { ...hubHeaders(), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe.each(STORE_KINDS)("inbound validation ($name)", (kind) => {
  const env = useRecordingHub(kind, {
    targets: (url) => [
      { system: "procurement", kind: "procurement-catalog", url },
      { system: "erp", kind: "erp-purchasing", url },
    ],
  });

  it("maps a valid CLM event to a canonical version (normalised decimals, canonical uom and ids)", async () => {
    const res = await postClm(env.hub.url, clmEvent("evt-ok"));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: "accepted", contractId: "ctr-1", version: 2 });
    const v2 = (await getJson(`${env.hub.url}/v1/contracts/ctr-1/versions/2`)).body;
    expect(v2.priceLines).toEqual([
      {
        lineNo: 1,
        itemId: "itm-1",
        uom: "box",
        unitPrice: "12.50",
        tierPrices: [{ tier: 1, unitPrice: "11.25" }],
        effectiveFrom: "2026-12-01",
      },
    ]);
    expect(v2.eligibility).toEqual([{ facilityId: "fac-1", tier: 1, from: "2026-01-01" }]);
    expect(v2.supplierId).toBe("sup-1");
  });

  it("an unknown supplier or item does not propagate: 422 and an exception naming each one and the rule", async () => {
    const body = clmEvent("evt-unknown", {
      amendmentNo: 3,
      vendorCode: "VND-404",
      pricing: [{ lineRef: 1, itemCode: "CLM-ITM-404", uom: "BX", price: "1.00", validFrom: null, validTo: null }],
    });
    const res = await postClm(env.hub.url, body);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("CONCORD_ERR_REF_UNKNOWN");
    expect(res.body.detail).toContain('supplier "VND-404"');
    expect(res.body.detail).toContain('item "CLM-ITM-404"');
    const ex = (await getJson(`${env.hub.url}/v1/exceptions?subjectType=contract&subjectId=AGR-1`)).body.items[0];
    expect(ex).toMatchObject({ rule: "contract.references-known", system: "clm", status: "open" });
    expect(ex.message).toContain("VND-404");
    expect(ex.message).toContain("CLM-ITM-404");
    expect((await getJson(`${env.hub.url}/v1/contracts/ctr-1`)).body.version).toBe(2);
  });

  it("an item a target has no cross-reference for stops the version before anything is sent", async () => {
    const v = contractV1({
      id: "ctr-unmapped",
      number: "AGR-UNMAPPED",
      priceLines: [{ lineNo: 1, itemId: "itm-4", uom: "box", unitPrice: "5.00", tierPrices: [] }],
    });
    const res = await postVersion(env.hub.url, v);
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain("item itm-4 is not mapped in procurement");
    expect(res.body.unmapped).toEqual([{ system: "procurement", entityType: "item", id: "itm-4" }]);
    expect((await getJson(`${env.hub.url}/v1/contracts/ctr-unmapped`)).status).toBe(404);
    const ex = (await getJson(`${env.hub.url}/v1/exceptions?subjectId=AGR-UNMAPPED`)).body.items[0];
    expect(ex).toMatchObject({ rule: "contract.references-mapped-in-every-target", urgency: "financial" });
  });

  it("keeps every inbound message raw, rejected ones included", async () => {
    const rows = await env.hub.store.query<{ message_id: string; status: string; body: string }>(
      "SELECT message_id, status, body FROM inbound_messages WHERE system = 'clm' AND message_id LIKE 'evt-%' ORDER BY id",
    );
    expect(rows.map((r) => [r.message_id, r.status])).toEqual([
      ["evt-ok", "accepted"],
      ["evt-unknown", "rejected"],
    ]);
    expect(JSON.parse(rows[1]!.body).agreement.vendorCode).toBe("VND-404");
  });
});
