import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallHealthSystem } from "../../../test/support/small-health-system.js";
import { openTestStore, STORE_KINDS } from "../../../test/support/stores.js";
import { appendEvent, compileRetryPolicy, type DeliveryPort, Dispatcher } from "../../events/index.js";
import { gtinCheckDigit, type PurchaseOrder } from "../../model/index.js";
import { importMasterData, type Store } from "../../store/index.js";
import { acceptPartnerMessage, type PartnerIntakeDeps } from "./accept-partner-message.js";
import type { PartnerMessage } from "./partner-message.js";

const gtin = (n: number) => {
  const body = `0061414100${String(n).padStart(3, "0")}`;
  return `${body}${gtinCheckDigit(body)}`;
};

function seed() {
  const s = smallHealthSystem();
  return { ...s, items: s.items.map((item, i) => ({ ...item, gtin: gtin(i + 1) })) };
}

const order = (lines: PurchaseOrder["lines"]): PurchaseOrder => ({
  kind: "purchase-order",
  id: "4500012345",
  purpose: "original",
  orderDate: "2026-03-02",
  currency: "USD",
  parties: [],
  lines,
});

const line = (lineId: string, item: PurchaseOrder["lines"][number]["item"]) => ({
  lineId,
  item,
  quantity: "2",
  uom: "box" as const,
  unitPrice: "10.2500",
});

describe.each(STORE_KINDS)("partner message intake ($name)", (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let deps: PartnerIntakeDeps;
  let dispatcher: Dispatcher;
  let n = 0;
  const message = (over: Partial<PartnerMessage>): PartnerMessage => ({
    partner: "medline",
    messageType: "x12-interchange",
    messageId: `m-${++n}`,
    contentType: "application/edi-x12",
    rawBody: "ISA*...",
    correlationId: `c-${n}`,
    documents: [],
    ...over,
  });

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(kind));
    await importMasterData(store, seed());
    const port: DeliveryPort = { system: "medline", deliver: async () => ({ kind: "delivered", awaitAckMs: 60_000 }) };
    dispatcher = new Dispatcher({
      store,
      ports: new Map([["medline", port]]),
      retryPolicy: compileRetryPolicy(),
      workerId: "w",
      concurrency: 2,
      leaseMs: 60_000,
      deliveryTimeoutMs: 5_000,
      pollIntervalMs: 10,
    });
    deps = {
      store,
      recordFunctionalAcks: (tx, target, acks) => dispatcher.recordFunctionalAcks(tx, target, acks),
      subscribers: () => [{ target: "bus", required: false }],
      onOutboxWrite: () => {},
    };
  });
  afterAll(async () => dispose?.());

  it("keeps an order whose items it resolves by GTIN or the partner's part number, and names the ones it cannot", async () => {
    await store.query(
      "INSERT INTO xrefs (system, entity_type, local_id, canonical_id) VALUES ('medline', 'item', 'MDL-3', 'itm-3')",
    );
    const po = order([
      line("1", { gtin: gtin(1), description: "glove" }),
      line("2", { supplierPartNo: "MDL-3" }),
      line("3", { supplierPartNo: "NOPE-9", gtin: gtin(99) }),
    ]);
    const outcome = await acceptPartnerMessage(
      deps,
      message({ documents: [{ format: "ST 0001 (850)", document: po, warnings: [] }] }),
    );
    expect(outcome.documents).toHaveLength(1);
    expect(outcome.documents[0]!.unresolved).toEqual([
      { path: "/lines/2/item", identifiers: { supplierPartNo: "NOPE-9", gtin: gtin(99) } },
    ]);
    const [row] = await store.query<{ body: PurchaseOrder; partner: string }>(
      "SELECT body, partner FROM trade_documents WHERE id = $1",
      [outcome.documents[0]!.id],
    );
    expect(row!.body.lines.map((l) => l.item.itemId)).toEqual(["itm-1", "itm-3", undefined]);
    const exceptions = await store.query<{ rule: string; message: string }>(
      "SELECT rule, message FROM exceptions WHERE subject_type = 'trade-document' AND subject_id = $1",
      [String(outcome.documents[0]!.id)],
    );
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]!.message).toContain("supplierPartNo NOPE-9");
    const [event] = await store.query<{ event_type: string; deliveries: number }>(
      `SELECT e.event_type, (SELECT count(*)::int FROM deliveries d WHERE d.event_id = e.id) AS deliveries
       FROM events e WHERE e.correlation_id = $1`,
      [outcome.correlationId],
    );
    expect(event).toEqual({ event_type: "trade.purchase-order.received", deliveries: 1 });
  });

  it("answers a repeated message id with its first outcome, and refuses a re-sent interchange control number", async () => {
    const first = message({
      interchange: { sender: "MEDLINE", receiver: "CONCORD", controlNumber: "000000905" },
      documents: [{ format: "850", document: order([line("1", { gtin: gtin(2) })]), warnings: [] }],
    });
    const a = await acceptPartnerMessage(deps, first);
    const again = await acceptPartnerMessage(deps, { ...first, interchange: undefined });
    expect(again).toEqual({ ...a, duplicate: true });
    await expect(acceptPartnerMessage(deps, { ...first, messageId: "other" })).rejects.toMatchObject({
      code: "CONCORD_ERR_EDI_DUPLICATE",
    });
    const count = await store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM trade_documents WHERE inbound_message_id = 'other'",
    );
    expect(count[0]!.n).toBe(0);
  });

  it("settles the outbound documents a 997 acknowledges, in the same transaction as the 997 itself", async () => {
    await store.transaction((tx) =>
      appendEvent(tx, { type: "t", businessKey: "k:edi", keyVersion: 1, payload: {}, correlationId: "c" }, [
        { target: "medline", required: true },
      ]),
    );
    await dispatcher.runOnce();
    const [sent] = await store.query<{ id: number }>("SELECT id FROM deliveries WHERE business_key = 'k:edi'");
    const outcome = await acceptPartnerMessage(
      deps,
      message({ functionalAcks: [{ deliveryId: sent!.id, accepted: true, detail: "AK9*A" }] }),
    );
    expect(outcome.acknowledged).toBe(1);
    const [after] = await store.query<{ status: string }>("SELECT status FROM deliveries WHERE id = $1", [sent!.id]);
    expect(after!.status).toBe("acknowledged");
  });
});
