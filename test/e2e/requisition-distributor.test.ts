import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDistributorServer, type DistributorServer } from "../../sandbox/distributor/server.js";
import { type Hub, startHub } from "../../src/server/index.js";
import { ManualClock } from "../../src/workflows/timers/index.js";
import { requisitionCalls, requisitionOf } from "../support/requisition-client.js";
import {
  REQ_KEYS,
  requisitionHealthSystem,
  requisitionHubConfig,
  startErpRecorder,
} from "../support/requisition-hub.js";
import { STORE_KINDS } from "../support/stores.js";
import { TEST_API_KEY, waitFor } from "../support/test-hub.js";

const requisition = (id: string, lines: [string, string, string][]) =>
  requisitionOf(
    id,
    lines.map(([lineId, itemId, quantity]) => ({ lineId, itemId, quantity, uom: "box" })),
  );

/**
 * The whole X12 loop with the sandbox distributor on the other side of the folder: the hub writes
 * the 850, the distributor takes it, answers its 997 and then an 855 in which its rule
 * (sandbox/distributor/purchase-orders.ts) re-prices itm-1; the hub reads both from the folder.
 */
describe.each(STORE_KINDS)("requisition to PO with the sandbox distributor ($name)", (kind) => {
  let hub: Hub;
  let distributor: DistributorServer;
  let erp: Awaited<ReturnType<typeof startErpRecorder>>;
  let dropRoot: string;
  let storeUrl: string;
  const clock = new ManualClock("2026-03-02T08:00:00Z");
  const { call, settled } = requisitionCalls(() => hub.url);

  beforeAll(async () => {
    dropRoot = await mkdtemp(join(tmpdir(), "req-distributor-"));
    distributor = createDistributorServer({ root: dropRoot, pollMs: 30, firstControlNumber: 7_000 });
    await distributor.ready();
    erp = await startErpRecorder();
    storeUrl = kind.url();
    hub = await startHub(requisitionHubConfig({ storeUrl, erpUrl: erp.url, dropRoot }), {
      seed: requisitionHealthSystem(),
      clock,
    });
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await distributor?.close();
    await erp?.app.close();
    await kind.cleanup(storeUrl);
    await rm(dropRoot, { recursive: true, force: true });
  });

  it("accepts the 850 with a 997, then its 855 re-prices and back-orders lines: typed exceptions on the requisition", async () => {
    // itm-1 is re-priced by the distributor's rule; itm-3 is back-ordered on request (the orderLines fault).
    await distributor.inject({
      method: "PUT",
      url: "/distributor/_faults",
      payload: { orderLines: { "itm-3": "backorder" } },
    });
    const res = await call(
      "POST",
      "/v1/requisitions",
      REQ_KEYS.procurement,
      requisition("DR-1", [
        ["1", "itm-1", "10"],
        ["2", "itm-2", "5"],
        ["3", "itm-3", "2"],
      ]),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const done = await settled("DR-1", "confirmed_with_exceptions");
    const poId = done.purchaseOrders[0].purchaseOrderId;
    expect(done.lineStatus).toEqual({ 1: "changed", 2: "accepted", 3: "backordered" });
    expect(done.exceptions.map((e: any) => [e.rule, e.owner])).toEqual([
      ["requisition.price-changed", "buyer"],
      ["requisition.backordered", "buyer"],
    ]);
    expect(done.exceptions[0].message).toContain("price changed from 10.25 to 10.66");
    expect(done.exceptions[1].message).toContain("expected to ship 2026-03-16");

    const [order] = distributor.sandbox.orders.filter((o) => o.poNumber === poId);
    expect(order).toMatchObject({
      status: "accepted",
      answers: [{ kind: "reprice" }, { kind: "accept" }, { kind: "backorder" }],
    });
    // The 997 acknowledged the 850's delivery; the hub's own 997 answered the 855.
    const key = encodeURIComponent(`purchase-order:distributor:${poId}`);
    const [event] = (await call("GET", `/v1/events?businessKey=${key}`, TEST_API_KEY)).body.items;
    await waitFor(
      async () =>
        (await call("GET", `/v1/events/${event.id}`, TEST_API_KEY)).body.deliveries.find(
          (d: any) => d.target === "distributor" && d.status === "acknowledged",
        ),
      15_000,
      "the 850 delivery to be acknowledged by the 997",
    );
    await waitFor(
      async () =>
        distributor.sandbox.acknowledgments.received.find(
          (a) => a.matchesSent && a.acknowledges.some((g) => g.group === String(Number(order!.confirmation!.control))),
        ),
      15_000,
      "the hub's 997 for the 855",
    );
    await distributor.inject({ method: "DELETE", url: "/distributor/_faults" });
  });

  it("confirms a requisition whose lines the distributor all accepts", async () => {
    await call("POST", "/v1/requisitions", REQ_KEYS.procurement, requisition("DR-2", [["1", "itm-2", "3"]]));
    const done = await settled("DR-2", "confirmed");
    expect(done.lineStatus).toEqual({ 1: "accepted" });
    expect(done.exceptions).toEqual([]);
    expect(
      (await call("GET", `/v1/purchase-orders/${done.purchaseOrders[0].purchaseOrderId}/status`, TEST_API_KEY)).body
        .status,
    ).toBe("acknowledged");
  });
});
