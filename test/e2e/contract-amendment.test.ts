import { beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index.js";
import type { Hub } from "../../src/server/index.js";
import { useSandboxHub } from "../support/sandbox-hub.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, getJson, waitFor } from "../support/test-hub.js";

const json = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/**
 * The user story end to end: a contract is amended in the sandbox CLM, the CLM's webhook reaches
 * the hub, and the amendment arrives at the procurement catalog, the ERP and the analytics sink,
 * each in its own format and ids; the hub records every acknowledgment and releases the price.
 */
describe.each(STORE_KINDS)("contract amendment end to end ($name)", (kind) => {
  // The sandbox's own clients: the CLM's webhooks come with the CLM client's key.
  const env = useSandboxHub(kind, {
    sandbox: { seed: 7, scale: { facilities: 6, suppliers: 20, items: 300, contracts: 20, preloadTargets: true } },
  });
  let sandbox: Sandbox;
  let hub: Hub;
  beforeAll(() => {
    ({ sandbox, hub } = env);
  });

  const pick = () => {
    const c = sandbox.dataset.canonical;
    const contract = c.contracts.find((k) => k.eligibility.length > 0 && k.priceLines.length >= 2)!;
    const x = (system: string, type: string, id: string) =>
      c.xrefs.find((r) => r.system === system && r.entityType === type && r.canonicalId === id)!.localId;
    return { contract, x, agreementNo: x("clm", "contract", contract.id) };
  };

  it("an amendment in the CLM reaches every target in its native format and releases the new price", async () => {
    const { contract, x, agreementNo } = pick();
    const line = contract.priceLines[0]!;
    const facility = contract.eligibility[0]!;
    const res = await fetch(
      `${sandbox.urls.clm}/clm/api/agreements/${agreementNo}/amendments`,
      json({
        effectiveDate: contract.effectiveFrom,
        priceChanges: [
          {
            itemCode: x("clm", "item", line.itemId),
            uom: "BX",
            price: "123.4500",
            tiers: [{ tierCode: `T${facility.tier}`, price: "120.00" }],
          },
        ],
      }),
    );
    expect(res.status).toBe(201);

    await waitFor(
      async () => {
        const s = await deliveryStatuses(hub.url, contract.id, 2);
        return s.procurement === "acknowledged" && s.erp === "acknowledged" && s.analytics === "delivered";
      },
      20_000,
      "all three targets",
    );

    // Procurement: its own field names and ids, money as {amount, currency}, X12 UOM codes.
    const catalog = (await getJson(`${sandbox.urls.procurement}/procurement/api/contract-catalogs/${agreementNo}`))
      .body;
    expect(catalog.revision).toBe(2);
    expect(catalog.supplierNumber).toBe(x("procurement", "supplier", contract.supplierId));
    const pLine = catalog.lines.find((l: any) => l.catalogItemId === x("procurement", "item", line.itemId));
    expect(pLine).toMatchObject({
      unitOfMeasure: "BX",
      price: { amount: "123.45", currency: contract.currency },
    });

    // ERP: upper-case fields, its vendor and item numbers, price breaks per tier.
    const agreement = (await getJson(`${sandbox.urls.erp}/erp/api/purchasing/blanket-agreements/${agreementNo}`)).body;
    expect(agreement).toMatchObject({
      REVISION_NUM: 2,
      VENDOR_NUM: x("erp", "supplier", contract.supplierId),
    });
    const eLine = agreement.LINES.find((l: any) => l.ITEM_NUMBER === x("erp", "item", line.itemId));
    expect(eLine).toMatchObject({ UOM_CODE: "BX", UNIT_PRICE: "123.45" });
    expect(eLine.PRICE_BREAKS).toContainEqual({ TIER: facility.tier, PRICE: "120.00" });

    // Analytics: flat snake_case rows on canonical ids.
    const rows = (
      await getJson(`${sandbox.urls.analytics}/analytics/api/contract-prices?contract_number=${agreementNo}`)
    ).body;
    const list = Array.isArray(rows) ? rows : rows.rows;
    expect(list).toContainEqual(expect.objectContaining({ item_id: line.itemId, tier: 0, price: "123.45" }));

    // The hub recorded each acknowledgment with the target's own reference, and released v2.
    const propagation = (await getJson(`${hub.url}/v1/contracts/${contract.id}/propagation`)).body.versions[0];
    expect(propagation).toMatchObject({ version: 2, status: "released" });
    const acks = Object.fromEntries(propagation.targets.map((t: any) => [t.target, t.ackRef]));
    expect(acks.procurement).toMatch(/^PRC-RCPT-/);
    expect(acks.erp).toMatch(/^\d+$/);

    const on = [contract.effectiveFrom, facility.from].sort()[1];
    const price = await getJson(
      `${hub.url}/v1/prices?item=${line.itemId}&facility=${facility.facilityId}&on=${on}&uom=box`,
    );
    expect(price.status).toBe(200);
    expect(price.body).toMatchObject({
      contractId: contract.id,
      version: 2,
      unitPrice: "120.00",
      tier: facility.tier,
    });
  });

  it("rides out an ERP maintenance window and a procurement 429 burst, then delivers", async () => {
    const { contract, x, agreementNo } = pick();
    const line = contract.priceLines[1]!;
    await fetch(`${sandbox.urls.erp}/erp/_faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ maintenanceUntil: new Date(Date.now() + 1500).toISOString() }),
    });
    await fetch(`${sandbox.urls.procurement}/procurement/_faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ failNext: { count: 2, status: 429, retryAfterSeconds: 1 } }),
    });
    const res = await fetch(
      `${sandbox.urls.clm}/clm/api/agreements/${agreementNo}/amendments`,
      json({
        effectiveDate: contract.effectiveFrom,
        priceChanges: [{ itemCode: x("clm", "item", line.itemId), uom: "BX", price: "77.0000" }],
      }),
    );
    expect(res.status).toBe(201);
    await waitFor(
      async () => {
        const s = await deliveryStatuses(hub.url, contract.id, 3);
        return s.procurement === "acknowledged" && s.erp === "acknowledged";
      },
      20_000,
      "delivery after the faults cleared",
    );
    const { body } = await getJson(`${hub.url}/v1/contracts/${contract.id}/propagation`);
    const targets = Object.fromEntries(body.versions[0].targets.map((t: any) => [t.target, t]));
    expect(targets.erp.attempts).toBeGreaterThan(1);
    expect(targets.procurement.attempts).toBe(3);
  });

  it("a target that rejects an item it does not know fails the delivery with an exception naming the item", async () => {
    const { contract, x, agreementNo } = pick();
    const line = contract.priceLines[0]!;
    const nativeItem = x("procurement", "item", line.itemId);
    await fetch(`${sandbox.urls.procurement}/procurement/_faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rejectItems: [nativeItem] }),
    });
    const res = await fetch(
      `${sandbox.urls.clm}/clm/api/agreements/${agreementNo}/amendments`,
      json({
        effectiveDate: contract.effectiveFrom,
        priceChanges: [{ itemCode: x("clm", "item", line.itemId), uom: "BX", price: "99.0000" }],
      }),
    );
    expect(res.status).toBe(201);
    await waitFor(async () => (await deliveryStatuses(hub.url, contract.id, 4)).procurement === "failed", 20_000);
    const ex = (await getJson(`${hub.url}/v1/exceptions?subjectType=delivery`)).body.items.find(
      (e: any) => e.details.businessKey === `contract:${contract.id}` && e.details.keyVersion === 4,
    );
    expect(ex.message).toContain(nativeItem);
    await fetch(`${sandbox.urls.procurement}/procurement/_faults`, { method: "DELETE" });
  });
});
