import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localId, toClmAgreement } from "../generator/native-contracts.js";
import { smallDataset } from "../shared/test-fixture.js";
import { agreementEvent, type ClmAgreementEvent } from "./event.js";
import { createClmServer } from "./server.js";

/** A stand-in hub: records every webhook and answers with scripted statuses. */
interface Received {
  headers: IncomingHttpHeaders;
  url: string;
  body: ClmAgreementEvent;
}
const received: Received[] = [];
const script: number[] = [];
let receiver: Server;
let hubUrl = "";
beforeAll(async () => {
  receiver = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      received.push({ headers: req.headers, url: req.url ?? "", body: JSON.parse(raw) });
      res.writeHead(script.shift() ?? 200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  hubUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
  await new Promise((r) => receiver.close(r));
});

const { dataset, xrefs, contract } = smallDataset();
const app = createClmServer({
  state: dataset.clm,
  webhook: { baseDelayMs: 20, maxDelayMs: 100, maxAttempts: 4 },
});
const no = contract.number;
const amend = (payload: unknown, agreementNo = no) =>
  app.inject({
    method: "POST",
    url: `/clm/api/agreements/${agreementNo}/amendments`,
    payload: payload as object,
  });
const until = async (cond: () => boolean, ms = 3000) => {
  for (const end = Date.now() + ms; !cond(); await new Promise((r) => setTimeout(r, 10)))
    if (Date.now() > end) throw new Error("timed out waiting");
};
const deliveries = async () => (await app.inject("/clm/api/webhook-deliveries")).json();

describe("CLM agreements", () => {
  it("serves generated agreements, paginated", async () => {
    const page = (await app.inject("/clm/api/agreements?offset=2&limit=3")).json();
    expect(page).toMatchObject({ total: 8, offset: 2, limit: 3 });
    expect(page.agreements).toHaveLength(3);
    expect((await app.inject(`/clm/api/agreements/${no}`)).json()).toEqual(toClmAgreement(contract, xrefs));
    expect((await app.inject("/clm/api/agreements/AGR-1999-00000")).statusCode).toBe(404);
    expect((await app.inject("/clm/api/agreements?limit=0")).statusCode).toBe(400);
  });

  it("queues events until the hub URL is known, then delivers them", async () => {
    const res = await amend({ effectiveDate: "2026-12-01", endDate: "2030-12-31" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ agreementNo: no, amendmentNo: 2, eventId: "clm-evt-000001" });
    expect((await deliveries())[0]).toMatchObject({
      eventId: "clm-evt-000001",
      state: "waiting-for-hub",
      attempts: 0,
    });
    app.sandbox.setHubUrl(hubUrl);
    await until(() => received.length === 1);
    expect(received[0]!.url).toBe("/v1/inbound/clm/agreement-events");
    expect(received[0]!.headers["x-clm-event-id"]).toBe("clm-evt-000001");
    expect(received[0]!.body.agreement.endDate).toBe("2030-12-31");
  });

  it("amends pricing, lines and sites, and sends the full snapshot", async () => {
    const [changed, removed] = contract.priceLines.map((l) => localId(xrefs, "clm", "item", l.itemId));
    const added = localId(xrefs, "clm", "item", dataset.gaps.itemsMissingFromProcurement[0]!);
    const res = await amend({
      effectiveDate: "2027-01-01",
      priceChanges: [{ itemCode: changed, uom: "BX", price: "12.5", tiers: [{ tierCode: "T1", price: "11.9" }] }],
      addItems: [{ itemCode: added, uom: "CA", price: "99.99" }],
      removeItemCodes: [removed],
      siteChanges: [{ siteCode: "SITE-01", tierCode: "T2", eligibleFrom: "2027-01-01", eligibleTo: null }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ amendmentNo: 3, eventId: "clm-evt-000002" });
    await until(() => received.length === 2);
    const event = received[1]!.body;
    expect(event).toMatchObject({ eventId: "clm-evt-000002", eventType: "agreement.amended" });
    expect(Date.parse(event.occurredAt)).not.toBeNaN();
    const a = event.agreement;
    expect(a).toEqual((await app.inject(`/clm/api/agreements/${no}`)).json());
    expect(a.amendmentNo).toBe(3);
    expect(a.pricing.find((l) => l.itemCode === changed)).toMatchObject({
      uom: "BX",
      price: "12.5000",
      tiers: [{ tierCode: "T1", price: "11.9000" }],
      validFrom: "2027-01-01",
    });
    expect(a.pricing.find((l) => l.itemCode === added)).toMatchObject({
      lineRef: contract.priceLines.length + 1,
      validFrom: "2027-01-01",
    });
    expect(a.pricing.some((l) => l.itemCode === removed)).toBe(false);
    expect(a.sites.find((s) => s.siteCode === "SITE-01")).toEqual({
      siteCode: "SITE-01",
      tierCode: "T2",
      eligibleFrom: "2027-01-01",
      eligibleTo: null,
    });
    expect((await app.inject(`/clm/api/agreements/${no}/amendments`)).json()).toHaveLength(3);
  });

  it("retries a webhook after a 503 and gives up on other 4xx", async () => {
    script.push(503);
    const { eventId } = (await amend({ effectiveDate: "2027-02-01" })).json();
    await until(() => received.filter((r) => r.body.eventId === eventId).length === 2);
    await until(() => app.sandbox.webhooks.deliveries.some((d) => d.eventId === eventId && d.state === "delivered"));
    expect((await deliveries()).find((d: { eventId: string }) => d.eventId === eventId)).toMatchObject({
      attempts: 2,
      lastStatus: 200,
    });

    script.push(400);
    const rejected = (await amend({ effectiveDate: "2027-03-01" })).json().eventId;
    await until(() => app.sandbox.webhooks.deliveries.some((d) => d.eventId === rejected && d.state === "failed"));
    expect(app.sandbox.webhooks.deliveries.find((d) => d.eventId === rejected)).toMatchObject({
      attempts: 1,
      lastStatus: 400,
    });
  });

  it("validates amendments: 400 naming the field, 404, 422 unknown item", async () => {
    const bad = await amend({ effectiveDate: "2027-13-01" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: "invalid_request", field: "effectiveDate" });
    const price = await amend({
      effectiveDate: "2027-01-01",
      priceChanges: [{ itemCode: "CLM-ITM-000001", uom: "XX", price: "1" }],
    });
    expect(price.json()).toMatchObject({ field: "priceChanges[0].uom" });
    const notOn = await amend({ effectiveDate: "2027-01-01", removeItemCodes: ["CLM-ITM-999999"] });
    expect(notOn.json()).toMatchObject({ field: "removeItemCodes" });
    expect((await amend({ effectiveDate: "2027-01-01" }, "AGR-1999-00000")).statusCode).toBe(404);
    const unknown = await amend({
      effectiveDate: "2027-01-01",
      addItems: [{ itemCode: "CLM-ITM-999999", uom: "EA", price: "1.00" }],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toEqual({ error: "unknown_item", items: ["CLM-ITM-999999"] });
  });

  it("builds the webhook body without HTTP", () => {
    const a = toClmAgreement(contract, xrefs);
    expect(agreementEvent(a, "clm-evt-000042", "2026-01-01T00:00:00.000Z")).toEqual({
      eventId: "clm-evt-000042",
      eventType: "agreement.amended",
      occurredAt: "2026-01-01T00:00:00.000Z",
      agreement: a,
    });
  });
});
