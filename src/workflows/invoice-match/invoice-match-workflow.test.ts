import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceOf, purchaseOrder } from "../../../test/support/invoice-documents.js";
import { smallHealthSystem } from "../../../test/support/small-health-system.js";
import { openTestStore, STORE_KINDS } from "../../../test/support/stores.js";
import type { Invoice, PurchaseOrder, Receipt } from "../../model/index.js";
import { importMasterData, type Store } from "../../store/index.js";
import { acceptPartnerMessage, type PartnerIntakeDeps } from "../partner-documents/index.js";
import { resolveInvoiceException } from "./resolve-invoice-exception.js";
import { runInvoiceMatches } from "./run-invoice-matches.js";
import { invoiceNumberKey, invoiceTotalKey } from "./start-invoice-match.js";

// Documents that name the canonical item: this test keeps them without partner item resolution.
const ITM_1 = { itemId: "itm-1" };
const po = (id: string) => purchaseOrder(id, "10.2500", ITM_1);
const invoice = (id: string, poId: string, quantity: string, unitPrice: string) =>
  invoiceOf(id, poId, Number(quantity), unitPrice, ITM_1);

describe.each(STORE_KINDS)("the invoice match workflow ($name)", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let deps: PartnerIntakeDeps;
  let n = 0;
  const send = (doc: Invoice | PurchaseOrder) =>
    acceptPartnerMessage(deps, {
      partner: "medline",
      messageType: "test",
      messageId: `m-${++n}`,
      contentType: "application/json",
      rawBody: JSON.stringify(doc),
      correlationId: `c-${n}`,
      documents: [{ format: "test", document: doc, warnings: [] }],
    });
  const run = (workerId = "w1", now = () => new Date("2026-06-11T08:00:00Z")) =>
    runInvoiceMatches({ store, workerId, leaseMs: 60_000, now });
  const matchOf = async (documentRowId: number) =>
    (
      await store.query<{ status: string; attempts: number }>(
        "SELECT status, attempts FROM invoice_matches WHERE invoice_document_id = $1",
        [documentRowId],
      )
    )[0];
  const exceptionsOf = (documentRowId: number) =>
    store.query<{ rule: string; urgency: string; details: { queue: string; dueAt: string } }>(
      "SELECT rule, urgency, details FROM exceptions WHERE subject_type = 'trade-document' AND subject_id = $1 AND rule LIKE 'invoice-match.%'",
      [String(documentRowId)],
    );

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(kind));
    await importMasterData(store, smallHealthSystem());
    deps = { store, recordFunctionalAcks: async () => [], subscribers: () => [], onOutboxWrite: () => {} };
  });
  afterAll(async () => dispose?.());

  it("holds an invoice billing goods never received, with a routed exception, and decides it once", async () => {
    await send(po("PO-1"));
    const kept = await send(invoice("INV-1", "PO-1", "10", "10.2500"));
    const id = kept.documents[0]!.id;
    expect(await matchOf(id)).toMatchObject({ status: "pending" });
    expect(await run()).toBe(1);
    expect(await matchOf(id)).toMatchObject({ status: "held", attempts: 1 });
    const raised = await exceptionsOf(id);
    expect(raised.map((e) => e.rule)).toEqual(["invoice-match.receipt.none"]);
    expect(raised[0]!.details.queue).toBeTruthy();
    expect(Date.parse(raised[0]!.details.dueAt)).toBeGreaterThan(Date.parse("2026-06-11T08:00:00Z"));
    expect(await run()).toBe(0); // decided: nothing left to claim, nothing raised twice
    expect(await exceptionsOf(id)).toHaveLength(1);
  });

  it("approves an invoice that matches its PO, its receipt and the contract price", async () => {
    await send(po("PO-2"));
    const receipt: Receipt = {
      kind: "receipt",
      id: "GR-2",
      purchaseOrderId: "PO-2",
      facilityId: "fac-1",
      receivedOn: "2026-06-05",
      lines: [{ purchaseOrderLineId: "1", itemId: "itm-1", quantityAccepted: "10", quantityRejected: "0", uom: "box" }],
    };
    await store.query(
      `INSERT INTO trade_documents (kind, partner, direction, document_id, format, body, warnings, unresolved, correlation_id)
       VALUES ('receipt', 'erp', 'inbound', 'GR-2', 'test', $1, '[]', '[]', 'c-gr')`,
      [JSON.stringify(receipt)],
    );
    // 8 of the 10 received: a different amount from INV-1, or the same-amount-same-day rule would call it a duplicate.
    const kept = await send(invoice("INV-2", "PO-2", "8", "10.2500"));
    await run();
    expect(await matchOf(kept.documents[0]!.id)).toMatchObject({ status: "approved" });
    expect(await exceptionsOf(kept.documents[0]!.id)).toEqual([]);
  });

  it("finishes an invoice whose worker died mid-match exactly once, on another worker", async () => {
    await send(po("PO-3"));
    const kept = await send(invoice("INV-3", "PO-3", "12", "10.2500"));
    const id = kept.documents[0]!.id;
    // A worker claimed it and died before deciding: its lease has run out.
    await store.query(
      "UPDATE invoice_matches SET status = 'matching', claimed_by = 'dead', attempts = 1, lease_until = now() - interval '1 second' WHERE invoice_document_id = $1",
      [id],
    );
    expect(await run("w2")).toBe(1);
    expect(await matchOf(id)).toMatchObject({ status: "held", attempts: 2 });
    const rules = (await exceptionsOf(id)).map((e) => e.rule);
    expect(rules.length).toBeGreaterThan(0);
    expect(await run("w3")).toBe(0);
    expect((await exceptionsOf(id)).map((e) => e.rule)).toEqual(rules);
  });

  it("reads from the partner's history what the match needs: the same number keyed again, the same amount, lines already billed", async () => {
    const receiptOf = async (id: string, poId: string) => {
      const receipt: Receipt = {
        kind: "receipt",
        id,
        purchaseOrderId: poId,
        facilityId: "fac-1",
        receivedOn: "2026-06-05",
        lines: [
          { purchaseOrderLineId: "1", itemId: "itm-1", quantityAccepted: "10", quantityRejected: "0", uom: "box" },
        ],
      };
      await store.query(
        `INSERT INTO trade_documents (kind, partner, direction, document_id, format, body, warnings, unresolved, correlation_id)
         VALUES ('receipt', 'erp', 'inbound', $1, 'test', $2, '[]', '[]', 'c-gr')`,
        [id, JSON.stringify(receipt)],
      );
    };
    const rulesOf = async (documentRowId: number) => (await exceptionsOf(documentRowId)).map((e) => e.rule).sort();
    const decide = async (doc: Invoice) => {
      const id = (await send(doc)).documents[0]!.id;
      await run();
      return id;
    };
    for (const p of ["PO-40", "PO-41", "PO-42"]) {
      await send(po(p));
      await receiptOf(`GR-${p}`, p);
    }
    // 6 of PO-40's 10 boxes billed and approved.
    expect(await matchOf(await decide(invoice("INV-0040", "PO-40", "6", "10.2500")))).toMatchObject({
      status: "approved",
    });
    // The same invoice keyed again under another spelling of its number (on another PO): a duplicate.
    const again = await decide({ ...invoice("inv-40", "PO-41", "3", "10.2500"), invoiceDate: "2026-03-01" });
    expect(await rulesOf(again)).toContain("invoice-match.duplicate.same-number");
    // Another 6 of PO-40: with the 6 billed before, 12 of 10 received.
    const over = await decide({ ...invoice("INV-0041", "PO-40", "6", "10.2500"), invoiceDate: "2026-02-01" });
    expect(await rulesOf(over)).toEqual(expect.arrayContaining([expect.stringMatching(/^invoice-match\.quantity\./)]));
    // The same amount as INV-0040, on the same day, under a new number and another PO: a resend.
    const resend = await decide(invoice("INV-9000", "PO-42", "6", "10.2500"));
    expect(await rulesOf(resend)).toContain("invoice-match.duplicate.same-amount-date");
  });

  it("keys invoice numbers and totals in the store as the match computes them (the history indexes)", async () => {
    const cases = [
      ["INV-0042", "120.50"],
      ["inv42", "120.5"],
      ["A/10-0", "7.00"],
      ["x0y", "100"],
      ["-", "0.000"],
      ["Inv 7", "-3.10"],
    ] as const;
    for (const [id, total] of cases) {
      const [row] = await store.query<{ n: string; t: string }>(
        `SELECT regexp_replace(upper($1::text), '[^1-9A-Z]', '', 'g') AS n,
           regexp_replace(regexp_replace($2::text, '^([^.]*)\\.0*$', '\\1'), '^([^.]*\\.[0-9]*[1-9])0+$', '\\1') AS t`,
        [id, total],
      );
      expect([row!.n, row!.t], `${id} ${total}`).toEqual([invoiceNumberKey(id), invoiceTotalKey(total)]);
    }
    expect(invoiceTotalKey("120.50")).toBe(invoiceTotalKey("120.5"));
    expect(invoiceTotalKey("7.00")).toBe("7");
    expect(invoiceTotalKey("100")).toBe("100");
    expect(invoiceNumberKey("INV-0042")).toBe(invoiceNumberKey("inv42"));
  });

  it("writes a decision back to the ERP and to subscribers, but to a partner only for its own invoices", async () => {
    await send(po("PO-50"));
    const id = (await send(invoice("INV-50", "PO-50", "10", "10.2500"))).documents[0]!.id;
    await run();
    expect((await exceptionsOf(id)).length).toBeGreaterThan(0);
    // Every open exception of the invoice (it is also a same-amount resend of INV-1): the last one decides it.
    const open = await store.query<{ id: number }>(
      "SELECT id FROM exceptions WHERE subject_type = 'trade-document' AND subject_id = $1 AND status = 'open' ORDER BY id",
      [String(id)],
    );
    for (const row of open) {
      await resolveInvoiceException(
        {
          store,
          clock: { now: () => new Date("2026-06-12T08:00:00Z") },
          erpSystem: "erp",
          // Subscribed to decisions: the bus, this invoice's partner and another partner.
          subscribers: (type) =>
            type === "invoice.decided"
              ? ["bus", "medline", "cardinal"].map((target) => ({ target, required: false }))
              : [],
          partnerSystems: new Set(["medline", "cardinal"]),
          onOutboxWrite: () => {},
        },
        {
          exceptionId: row.id,
          code: "approve-as-invoiced",
          reason: "goods confirmed on the ward, pay as billed",
          resolvedBy: "ap-clerk",
          correlationId: "c-50",
        },
      );
    }
    const targets = await store.query<{ target: string }>(
      `SELECT d.target FROM deliveries d JOIN events e ON e.id = d.event_id
       WHERE e.event_type = 'invoice.decided' AND e.business_key = $1 ORDER BY d.target`,
      [`invoice:${id}`],
    );
    expect(targets.map((t) => t.target)).toEqual(["bus", "erp", "medline"]);
  });
});
