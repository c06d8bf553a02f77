import { request } from "undici";
import { DISTRIBUTOR_X12_ID } from "../distributor/server.js";
import { type Segment, writeInterchange } from "../distributor/x12.js";
import type { SandboxDataset } from "../generator/types.js";
import { CANONICAL_TO_X12 } from "../shared/uom.js";

/** Far above the control numbers the distributor numbers its own interchanges with. */
const CONTROL_BASE = 900_000_000;
const today = () => new Date().toISOString().slice(0, 10);
const ymd = (iso: string) => iso.replaceAll("-", "");

interface DemoLine {
  readonly itemId: string;
  readonly gtin: string;
  readonly uom: string;
  readonly price: number;
  readonly facilityId: string;
}

/** A contract line at an eligible facility whose item has a GTIN and is matched three-way (not an implant). */
function demoLine(dataset: SandboxDataset): DemoLine | undefined {
  const items = new Map(dataset.canonical.items.map((i) => [i.id, i]));
  for (const c of dataset.canonical.contracts) {
    for (const l of c.priceLines) {
      const item = items.get(l.itemId);
      const gtin = item?.packaging.find((p) => p.uom === l.uom)?.gtin;
      if (!item || !gtin || item.clinicalCategory === "implant" || !c.eligibility[0]) continue;
      return { itemId: item.id, gtin, uom: l.uom, price: Number(l.unitPrice), facilityId: c.eligibility[0].facilityId };
    }
  }
  return undefined;
}

const po1 = (l: DemoLine, qty: number) => [
  "PO1",
  "1",
  String(qty),
  CANONICAL_TO_X12[l.uom as keyof typeof CANONICAL_TO_X12],
  l.price.toFixed(4),
  "",
  "UK",
  l.gtin,
];

function order(po: string, l: DemoLine, qty: number): Segment[] {
  return [["BEG", "00", "SA", po, "", ymd(today())], ["CUR", "BY", "USD"], po1(l, qty), ["CTT", "1", String(qty)]];
}

function invoice(num: string, po: string, l: DemoLine, qty: number, price: number): Segment[] {
  const cents = Math.round(qty * price * 100);
  return [
    ["BIG", ymd(today()), num, "", po],
    ["CUR", "SE", "USD"],
    [
      "IT1",
      "1",
      String(qty),
      CANONICAL_TO_X12[l.uom as keyof typeof CANONICAL_TO_X12],
      price.toFixed(4),
      "",
      "UK",
      l.gtin,
    ],
    ["REF", "PO", po],
    ["REF", "LI", "1"],
    ["TDS", String(cents)],
    ["CTT", "1"],
  ];
}

/**
 * The receiving dock and accounts payable on a demo morning: the distributor sends four POs' worth
 * of orders and invoices (an overbilled price, more billed than received, one billed before the
 * goods were received, and one invoice sent twice) and the ERP posts the receipts it recorded; a
 * few seconds later the late receipt arrives and cures its invoice's hold, and once the hub has
 * released that invoice accounts payable pays it by ACH (the distributor gets an 820). Returns what it did.
 */
export async function sendReceivingDemo(
  hubUrl: string,
  keys: { readonly operator: string; readonly erp: string },
  dataset: SandboxDataset,
  lateReceiptMs = 5_000,
): Promise<string[]> {
  const l = demoLine(dataset);
  if (!l) return ["no contract line fits the receiving demo in this dataset"];
  const stamp = Date.now().toString(36).toUpperCase();
  const po = (n: number) => `45009${n}${stamp}`.slice(0, 22);
  // Each start sends a new morning (new ids), so a kept store gets new, distinct interchanges.
  let control = CONTROL_BASE + (Date.now() % 900_000) * 100;
  const x12 = async (functionalId: string, setId: string, sets: Segment[][]) => {
    const text = writeInterchange(
      {
        sender: DISTRIBUTOR_X12_ID,
        receiver: { qualifier: "ZZ", id: "CONCORD" },
        control: ++control,
        at: new Date(),
        functionalId,
        setId,
      },
      sets,
    );
    const res = await request(`${hubUrl}/v1/inbound/x12`, {
      method: "POST",
      headers: { "content-type": "application/edi-x12", "x-api-key": keys.operator },
      body: text,
    });
    await res.body.dump();
    return res.statusCode;
  };
  const receipts = async (list: { id: string; po: string; qty: number }[]) => {
    const res = await request(`${hubUrl}/v1/receipts`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": keys.erp, "x-concord-system": "erp" },
      body: JSON.stringify({
        receipts: list.map((r) => ({
          kind: "receipt",
          id: r.id,
          purchaseOrderId: r.po,
          facilityId: l.facilityId,
          receivedOn: today(),
          lines: [
            {
              purchaseOrderLineId: "1",
              itemId: l.itemId,
              quantityAccepted: String(r.qty),
              quantityRejected: "0",
              uom: l.uom,
            },
          ],
        })),
      }),
    });
    await res.body.dump();
    return res.statusCode;
  };
  const over = Math.round(l.price * 108) / 100;
  const out: string[] = [];
  out.push(
    `  orders ${await x12(
      "PO",
      "850",
      [1, 2, 3, 4].map((n) => order(po(n), l, 10)),
    )}  four POs for 10 × ${l.itemId}`,
  );
  out.push(
    `  receipts ${await receipts([
      { id: `GR-${po(1)}`, po: po(1), qty: 10 },
      { id: `GR-${po(2)}`, po: po(2), qty: 6 },
      { id: `GR-${po(4)}`, po: po(4), qty: 10 },
    ])}  the dock received PO 1, 6 of PO 2, PO 4`,
  );
  out.push(
    `  invoice ${await x12("IN", "810", [invoice(`INV-${stamp}-1`, po(1), l, 10, over)])}  INV-${stamp}-1 bills ${over.toFixed(2)} against a contract price of ${l.price.toFixed(2)}`,
  );
  out.push(
    `  invoice ${await x12("IN", "810", [invoice(`INV-${stamp}-2`, po(2), l, 10, l.price)])}  INV-${stamp}-2 bills 10 where 6 were received`,
  );
  out.push(
    `  invoice ${await x12("IN", "810", [invoice(`INV-${stamp}-3`, po(3), l, 8, l.price)])}  INV-${stamp}-3 bills 8 before the goods were received`,
  );
  out.push(
    `  invoice ${await x12("IN", "810", [invoice(`INV-${stamp}-4`, po(4), l, 9, l.price)])}  INV-${stamp}-4, and the same invoice again`,
  );
  out.push(`  invoice ${await x12("IN", "810", [invoice(`INV-${stamp}-4`, po(4), l, 9, l.price)])}`);
  await new Promise((r) => setTimeout(r, lateReceiptMs));
  out.push(
    `  receipt ${await receipts([{ id: `GR-${po(3)}`, po: po(3), qty: 10 }])}  the late receipt for PO 3: its hold is cured, the ERP releases INV-${stamp}-3`,
  );
  const released = await waitForMatch(hubUrl, keys.operator, po(3), "approved");
  const amount = (Math.round(8 * l.price * 100) / 100).toFixed(2);
  out.push(
    released
      ? `  payment ${await pay(`ACH-${stamp}-3`, `INV-${stamp}-3`, po(3), amount)}  accounts payable pays INV-${stamp}-3 (${amount}) by ACH; the distributor gets an 820`
      : `  payment not sent: INV-${stamp}-3 was not released in time`,
  );
  return out;

  async function pay(id: string, invoiceId: string, purchaseOrderId: string, paid: string) {
    const res = await request(`${hubUrl}/v1/payments`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": keys.erp, "x-concord-system": "erp" },
      body: JSON.stringify({
        payments: [
          {
            kind: "payment",
            id,
            paymentDate: today(),
            method: "ach",
            currency: "USD",
            amount: paid,
            parties: [],
            remittances: [{ invoiceId, purchaseOrderId, paid, invoiced: paid }],
          },
        ],
      }),
    });
    await res.body.dump();
    return res.statusCode;
  }
}

/** Polls the PO's status until its invoice's match reaches `status` (true), or gives up after 60 s. */
async function waitForMatch(hubUrl: string, key: string, po: string, status: string): Promise<boolean> {
  for (let i = 0; i < 120; i++) {
    const res = await request(`${hubUrl}/v1/purchase-orders/${encodeURIComponent(po)}/status`, {
      headers: { "x-api-key": key },
    });
    const body = (await res.body.json()) as { stages?: { invoiced?: { documents?: { match?: string }[] } } };
    if (body.stages?.invoiced?.documents?.some((d) => d.match === status)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}
