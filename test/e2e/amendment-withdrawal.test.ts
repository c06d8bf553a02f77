import { beforeAll, describe, expect, it } from "vitest";
import { agreementEvent } from "../../sandbox/clm/event.js";
import type { ClmAgreement } from "../../sandbox/clm/types.js";
import type { Sandbox } from "../../sandbox/index.js";
import type { Hub } from "../../src/server/index.js";
import { useSandboxHub } from "../support/sandbox-hub.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, getJson, hubHeaders, waitFor } from "../support/test-hub.js";

/** The CLM's X12 unit codes for the canonical units the sandbox's lines use. */
const UOM_CODE: Record<string, string> = { each: "EA", box: "BX", case: "CA" };

const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/**
 * The CLM withdraws an amendment: Concord compensates with a new version carrying the previous
 * terms through the normal outbox, so the catalog and the ERP end on the previous terms, and the
 * effective price returns to them at once.
 */
describe.each(STORE_KINDS)("amendment withdrawal compensation ($name)", (kind) => {
  const env = useSandboxHub(kind, {
    sandbox: { seed: 11, scale: { facilities: 4, suppliers: 10, items: 100, contracts: 8, preloadTargets: true } },
  });
  let sandbox: Sandbox;
  let hub: Hub;
  beforeAll(() => {
    ({ sandbox, hub } = env);
  });

  it("returns the catalog, the ERP and the effective price to the previous terms", async () => {
    const c = sandbox.dataset.canonical;
    const contract = c.contracts.find((k) => k.eligibility.length > 0 && k.priceLines.length >= 2)!;
    const x = (system: string, type: string, id: string) =>
      c.xrefs.find((r) => r.system === system && r.entityType === type && r.canonicalId === id)!.localId;
    const agreementNo = x("clm", "contract", contract.id);
    const line = contract.priceLines[0]!;
    const facility = contract.eligibility[0]!;
    // A day on which the original line, the facility and the contract are all in force.
    const on = [contract.effectiveFrom, facility.from, line.effectiveFrom ?? contract.effectiveFrom].sort()[2]!;
    const catalogLine = async () =>
      (await getJson(`${sandbox.urls.procurement}/procurement/api/contract-catalogs/${agreementNo}`)).body.lines.find(
        (l: any) => l.catalogItemId === x("procurement", "item", line.itemId),
      );
    const erpLine = async () =>
      (await getJson(`${sandbox.urls.erp}/erp/api/purchasing/blanket-agreements/${agreementNo}`)).body.LINES.find(
        (l: any) => l.ITEM_NUMBER === x("erp", "item", line.itemId),
      );
    const price = async () =>
      (
        await getJson(
          `${hub.url}/v1/prices?item=${line.itemId}&facility=${facility.facilityId}&on=${on}&uom=${line.uom}`,
        )
      ).body;
    const before = { catalog: await catalogLine(), erp: await erpLine(), price: await price() };
    expect(before.price).toMatchObject({ version: 1 });

    const amended = await fetch(
      `${sandbox.urls.clm}/clm/api/agreements/${agreementNo}/amendments`,
      post({
        effectiveDate: contract.effectiveFrom,
        priceChanges: [{ itemCode: x("clm", "item", line.itemId), uom: UOM_CODE[line.uom]!, price: "321.0000" }],
      }),
    );
    expect(amended.status).toBe(201);
    await waitFor(async () => (await price()).version === 2, 20_000, "version 2 activated");
    expect((await erpLine()).UNIT_PRICE).toBe("321.00");

    const withdrawn = await fetch(
      `${sandbox.urls.clm}/clm/api/agreements/${agreementNo}/amendments/2/withdraw`,
      post({ reason: "signed in error" }),
    );
    expect(withdrawn.status).toBe(202);
    await waitFor(
      async () => {
        const s = await deliveryStatuses(hub.url, contract.id, 3);
        return s.procurement === "acknowledged" && s.erp === "acknowledged";
      },
      20_000,
      "the compensation at every target",
    );
    // The targets end on the previous terms, carried by version 3.
    expect(await catalogLine()).toEqual(before.catalog);
    expect({ ...(await erpLine()) }).toMatchObject({
      UNIT_PRICE: before.erp.UNIT_PRICE,
      PRICE_BREAKS: before.erp.PRICE_BREAKS,
    });
    const after = await price();
    expect(after).toMatchObject({ version: 3, unitPrice: before.price.unitPrice, tier: before.price.tier });

    const v2 = (await getJson(`${hub.url}/v1/contracts/${contract.id}/versions/2/activations`)).body;
    expect(v2).toMatchObject({ status: "withdrawn", withdrawn: { reason: "signed in error" } });
    const v3 = (await getJson(`${hub.url}/v1/contracts/${contract.id}/versions/3/activations`)).body;
    expect(v3).toMatchObject({ compensatesVersion: 2 });

    // The same event again is answered as the first time; a second withdrawal of version 2 is refused.
    const event = (await getJson(`${sandbox.urls.clm}/clm/api/webhook-deliveries`)).body.at(-1);
    const again = (eventId: string) =>
      fetch(`${hub.url}/v1/inbound/clm/agreement-events`, {
        method: "POST",
        headers: { ...hubHeaders(), "content-type": "application/json" },
        body: JSON.stringify({
          eventId,
          eventType: "agreement.amendment.withdrawn",
          occurredAt: new Date().toISOString(),
          agreement: { agreementNo, amendmentNo: 2 },
          reason: "signed in error",
        }),
      });
    const repeat = await again(event.eventId);
    expect(repeat.status).toBe(202);
    expect(await repeat.json()).toMatchObject({ version: 3, duplicate: true });
    const conflict = await again("another-event");
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ code: "CONCORD_ERR_WITHDRAWAL_CONFLICT", currentVersion: 3 });
  });

  it("starts an amendment's prices at the next fiscal period when the CLM asks for it", async () => {
    const c = sandbox.dataset.canonical;
    const x = (system: string, type: string, id: string) =>
      c.xrefs.find((r) => r.system === system && r.entityType === type && r.canonicalId === id)!.localId;
    const contract = c.contracts.filter((k) => k.eligibility.length > 0 && k.priceLines.length >= 2).at(-1)!;
    const line = contract.priceLines[1]!;
    // The 15th, two months before the agreement ends: the next fiscal period (months, from July) starts on the 1st.
    const end = new Date(`${contract.expiresOn}T00:00:00Z`);
    const effective = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 2, 15));
    const periodStart = new Date(Date.UTC(effective.getUTCFullYear(), effective.getUTCMonth() + 1, 1));
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const amended = await fetch(
      `${sandbox.urls.clm}/clm/api/agreements/${x("clm", "contract", contract.id)}/amendments`,
      post({
        effectiveDate: day(effective),
        priceActivation: "FISCAL_PERIOD",
        priceChanges: [{ itemCode: x("clm", "item", line.itemId), uom: UOM_CODE[line.uom]!, price: "77.0000" }],
      }),
    );
    expect(amended.status).toBe(201);
    const plan = await waitFor(
      async () => {
        const res = await getJson(`${hub.url}/v1/contracts/${contract.id}/versions/2/activations`);
        return res.status === 200 ? res.body : undefined;
      },
      20_000,
      "version 2's activation plan",
    );
    expect(plan).toMatchObject({ alignedToFiscalPeriod: true, effectiveDay: day(periodStart) });
    expect(new Set(plan!.facilities.map((f: any) => f.activationDay))).toEqual(new Set([day(periodStart)]));
    // An unknown activation code from the CLM is refused, naming the field and the codes it knows.
    const current = (await getJson(`${sandbox.urls.clm}/clm/api/agreements/${x("clm", "contract", contract.id)}`))
      .body as ClmAgreement;
    const event = agreementEvent(
      { ...current, amendmentNo: current.amendmentNo + 1 },
      "odd-activation",
      new Date().toISOString(),
    );
    // A code this CLM release does not have: what a newer CLM might send.
    Object.assign(event.agreement, { priceActivation: "NEXT_QUARTER" });
    const odd = await fetch(`${hub.url}/v1/inbound/clm/agreement-events`, {
      method: "POST",
      headers: { ...hubHeaders(), "content-type": "application/json" },
      body: JSON.stringify(event),
    });
    expect(odd.status).toBe(422);
    const refused = (await odd.json()) as { code: string };
    expect(refused.code).toBe("CONCORD_ERR_CONTRACT_RULES");
    expect(JSON.stringify(refused)).toContain('code \\"NEXT_QUARTER\\" is not one of EFFECTIVE_DATE, FISCAL_PERIOD');
  });
});
