import { mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeDocument, decodeInterchange, encodeDocuments } from "../../src/connectors/x12/index.js";
import { INVOICE_DECIDED } from "../../src/model/events/invoice-decision.js";
import { CONTRACT_VERSION_EVENT, PAYMENT_REMITTED } from "../../src/model/index.js";
import { invoiceOf } from "../support/invoice-documents.js";
import { partner997, waitForFile, withDistributorXrefs } from "../support/partner-997.js";
import { amendment, contractV1, smallHealthSystem } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, getJson, hubHeaders, postVersion, startTestHub, waitFor } from "../support/test-hub.js";

describe.each(STORE_KINDS)("EDI 845 to a distributor, gated by its 997 ($name)", (kind) => {
  let root: string;
  let t: Awaited<ReturnType<typeof startTestHub>>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "concord-edi-"));
    t = await startTestHub(kind, {
      // Contract prices as 845s, and what accounts payable decided about its invoices as 824s.
      targets: [
        {
          system: "distributor",
          kind: "x12-price-authorization",
          url: "",
          events: [CONTRACT_VERSION_EVENT, INVOICE_DECIDED, PAYMENT_REMITTED],
        },
      ],
      partners: [
        {
          system: "distributor",
          x12: { qualifier: "ZZ", id: "DISTRIB" },
          fileDrop: { root, scanIntervalMs: 20, stableMs: 0 },
        },
      ],
      seed: withDistributorXrefs(smallHealthSystem()),
    });
  });
  afterAll(async () => {
    await t?.dispose();
    await rm(root, { recursive: true, force: true });
  });

  /** The distributor's X12 810 for 2 boxes, sent to the hub; answers the HTTP status. */
  const sendInvoice = async (invoiceId: string, purchaseOrderId: string, controlNumber: number) => {
    const invoice = encodeDocuments([invoiceOf(invoiceId, purchaseOrderId, 2, "10.2500")], {
      sender: { qualifier: "ZZ", id: "DISTRIB" },
      receiver: { qualifier: "ZZ", id: "CONCORD" },
      controlNumber,
      at: new Date("2026-06-10T10:00:00Z"),
    }).text;
    const sent = await fetch(`${t.hub.url}/v1/inbound/x12`, {
      method: "POST",
      headers: hubHeaders({ "content-type": "application/edi-x12" }),
      body: invoice,
    });
    return sent.status;
  };

  it("writes the 845 to the partner's folder, waits for its 997, and only then releases the price", async () => {
    expect((await postVersion(t.hub.url, amendment(contractV1(), 2, "2026-07-01"))).status).toBe(202);
    const name = await waitForFile(join(root, "outbound"), /^845-.*-v2-/);
    const interchange = await readFile(join(root, "outbound", name), "utf8");
    const set = decodeInterchange(interchange).groups[0]!.sets[0]!;
    expect(set.setId).toBe("845");
    expect(interchange).toContain("D-PRC-1"); // the distributor's own item number
    await waitFor(async () => (await deliveryStatuses(t.hub.url, "ctr-1", 2)).distributor === "delivered");
    const before = await getJson(`${t.hub.url}/v1/contracts/ctr-1/propagation`);
    expect(before.body.versions[0]).toMatchObject({ version: 2, status: "propagating" });

    // The distributor answers through the same folder: write, then rename into inbound/.
    await writeFile(join(root, "inbound", ".997.tmp"), partner997(interchange, true, "000000501"));
    await rename(join(root, "inbound", ".997.tmp"), join(root, "inbound", "997-501.x12"));
    await waitFor(async () => (await deliveryStatuses(t.hub.url, "ctr-1", 2)).distributor === "acknowledged");
    const after = await getJson(`${t.hub.url}/v1/contracts/ctr-1/propagation`);
    expect(after.body.versions[0]).toMatchObject({ version: 2, status: "released" });
    // The 997 was archived, and not acknowledged: a 997 is never answered with a 997.
    await waitForFile(join(root, "archive"), /997-501\.x12$/);
    expect((await readdir(join(root, "outbound"))).filter((f) => f.startsWith("ack-"))).toEqual([]);
  });

  it("fails the delivery with an exception naming the partner's reason when its 997 rejects the 845", async () => {
    expect((await postVersion(t.hub.url, amendment(contractV1(), 3, "2026-08-01"))).status).toBe(202);
    const name = await waitForFile(join(root, "outbound"), /^845-.*-v3-/);
    const interchange = await readFile(join(root, "outbound", name), "utf8");
    await writeFile(join(root, "inbound", ".997.tmp"), partner997(interchange, false, "000000502"));
    await rename(join(root, "inbound", ".997.tmp"), join(root, "inbound", "997-502.x12"));
    await waitFor(async () => (await deliveryStatuses(t.hub.url, "ctr-1", 3)).distributor === "failed");
    const { body } = await getJson(`${t.hub.url}/v1/exceptions`);
    const exception = body.items.find((e: { rule: string }) => e.rule === "delivery.functional-ack-accepted");
    expect(exception.message).toMatch(
      /distributor rejected the document carrying contract:ctr-1 version 3: 997 group \d+ rejected/,
    );
  });

  it("tells the distributor that accounts payable rejected its invoice, in an 824 its 997 acknowledges", async () => {
    // The distributor invoices goods no PO of Concord's ordered: the match holds it for a person.
    expect(await sendInvoice("D-INV-9", "4500000999", 601)).toBe(202);
    const open = await waitFor(async () => {
      const { body } = await getJson(`${t.hub.url}/v1/invoice-exceptions?status=open`);
      const mine = body.items.filter((x: any) => x.invoice?.invoiceId === "D-INV-9");
      return mine.length > 0 ? mine : undefined;
    });
    for (const x of open) {
      const res = await fetch(`${t.hub.url}/v1/invoice-exceptions/${x.id}/resolve`, {
        method: "POST",
        headers: hubHeaders({ "content-type": "application/json" }),
        body: JSON.stringify({
          resolution: "rejected",
          reason: "no purchase order 4500000999 here; re-invoice*with ours",
        }),
      });
      expect(res.status).toBe(200);
    }
    const name = await waitForFile(join(root, "outbound"), /^824-D-INV-9-/);
    const advice = await readFile(join(root, "outbound", name), "utf8");
    const group = decodeInterchange(advice, { controls: "throw" }).groups[0]!;
    expect(group.header.functionalId).toBe("AG");
    const segs = group.sets[0]!.segments.map((x) => x.elements.join("*"));
    expect(segs).toContain("OTI*TR*IV*D-INV-9***20260610***0001*810");
    expect(segs).toContain("AMT*NP*0.00");
    expect(segs.filter((x) => x.startsWith("TED*024*"))).toHaveLength(open.length);
    expect(segs.some((x) => x.startsWith("NTE*GEN*no purchase order 4500000999 here; re-invoice with ours"))).toBe(
      true,
    );

    // The distributor's 997 for the 824 acknowledges the decision's delivery.
    const { body: events } = await getJson(`${t.hub.url}/v1/events?type=${INVOICE_DECIDED}`);
    const event = events.items[0];
    const distributorStatus = async () => {
      const { body } = await getJson(`${t.hub.url}/v1/events/${event.id}`);
      return body.deliveries.find((d: any) => d.target === "distributor")?.status;
    };
    await waitFor(async () => (await distributorStatus()) === "delivered");
    await writeFile(join(root, "inbound", ".997.tmp"), partner997(advice, true, "000000603"));
    await rename(join(root, "inbound", ".997.tmp"), join(root, "inbound", "997-603.x12"));
    await waitFor(async () => (await distributorStatus()) === "acknowledged");
  });

  it("remits the ERP's payment of the distributor's invoice as an 820 with its invoices only", async () => {
    expect(await sendInvoice("D-INV-10", "4500000998", 611)).toBe(202);
    // One ACH payment settles the distributor's invoice and another supplier's (unknown here).
    const paid = await fetch(`${t.hub.url}/v1/payments`, {
      method: "POST",
      headers: hubHeaders({ "content-type": "application/json", "x-concord-system": "erp" }),
      body: JSON.stringify({
        payments: [
          {
            kind: "payment",
            id: "ACH-000611",
            paymentDate: "2026-07-01",
            method: "ach",
            currency: "USD",
            amount: "35.00",
            parties: [],
            remittances: [
              { invoiceId: "D-INV-10", purchaseOrderId: "4500000998", paid: "20.00", invoiced: "20.50" },
              { invoiceId: "OTHER-SUPPLIER-1", paid: "15.00" },
            ],
          },
        ],
      }),
    });
    expect(paid.status).toBe(200);
    expect(((await paid.json()) as any).accepted).toBe(1);
    const name = await waitForFile(join(root, "outbound"), /^820-ACH-000611-/);
    const text = await readFile(join(root, "outbound", name), "utf8");
    const group = decodeInterchange(text, { controls: "throw" }).groups[0]!;
    expect(group.header.functionalId).toBe("RA");
    const { document } = decodeDocument(group.sets[0]!);
    // The distributor sees what was paid of its own invoice, never the other supplier's.
    expect(document).toMatchObject({
      kind: "payment",
      id: "ACH-000611",
      amount: "20.00",
      method: "ach",
      paymentDate: "2026-07-01",
      remittances: [{ invoiceId: "D-INV-10", purchaseOrderId: "4500000998", paid: "20.00", invoiced: "20.50" }],
    });
    const { body: events } = await getJson(`${t.hub.url}/v1/events?type=${PAYMENT_REMITTED}`);
    const event = events.items[0];
    const status = async () =>
      (await getJson(`${t.hub.url}/v1/events/${event.id}`)).body.deliveries.find((d: any) => d.target === "distributor")
        ?.status;
    await waitFor(async () => (await status()) === "delivered");
    await writeFile(join(root, "inbound", ".997.tmp"), partner997(text, true, "000000612"));
    await rename(join(root, "inbound", ".997.tmp"), join(root, "inbound", "997-612.x12"));
    await waitFor(async () => (await status()) === "acknowledged");
  });

  it("moves a file that is not an interchange to error/ with the reason beside it", async () => {
    await writeFile(join(root, "inbound", ".junk.tmp"), "hello");
    await rename(join(root, "inbound", ".junk.tmp"), join(root, "inbound", "junk.x12"));
    const reason = await waitForFile(join(root, "error"), /junk\.x12\.error\.txt$/);
    expect(await readFile(join(root, "error", reason), "utf8")).toMatch(/not an X12 interchange/);
  });
});
