import { request } from "undici";
import { type LineAnswerKind, ruleFor } from "../distributor/purchase-orders.js";
import type { SandboxDataset } from "../generator/types.js";
import { networkSupplierOf } from "../supplier-network/network-supplier.js";
import { type Priced, pricedToday, today } from "./priced-today.js";

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export interface DemoRequisition {
  readonly label: string;
  /** What the hub should answer at once, and what happens next. */
  readonly expect: string;
  readonly body: {
    kind: "requisition";
    id: string;
    facilityId: string;
    costCenterId: string;
    requester: string;
    neededBy: string;
    lines: { lineId: string; itemId: string; quantity: string; uom: string; unitPrice?: string }[];
  };
}

/**
 * A morning of requisitions from the sandbox health system, built from today's contracts so every
 * check has something real to find: three clean restocks (auto-approved and ordered, with lines
 * the distributor's rule back-orders or re-prices), one above the amount threshold, one with an
 * implant (clinical approval) and one off contract (purchasing approval). Ids carry the date, so a
 * restart the same day resubmits the same requisitions (answered 200, nothing twice).
 */
export function demoRequisitions(dataset: SandboxDataset, amountThreshold = 5_000): DemoRequisition[] {
  const priced = pricedToday(dataset);
  const stamp = today().replaceAll("-", "");
  const costCenterOf = (facilityId: string) => dataset.canonical.costCenters.find((c) => c.facilityId === facilityId)!;
  // The network's supplier orders in cXML (requisition 07); its items stay out of the distributor's.
  const network = networkSupplierOf(dataset);
  const used = new Set<string>(
    dataset.canonical.contracts
      .filter((k) => k.supplierId === network?.supplierId)
      .flatMap((k) => k.priceLines.map((l) => l.itemId)),
  );
  /** The first priced line at `facilityId` (any, if undefined) that passes `ok`, not used before. */
  const pick = (ok: (p: Priced) => boolean, facilityId?: string) => {
    const p = priced.find(
      (x) => !used.has(x.item.id) && (facilityId === undefined || x.facilityId === facilityId) && ok(x),
    );
    if (p) used.add(p.item.id);
    return p;
  };
  const rule = (kind: LineAnswerKind) => (p: Priced) =>
    p.item.clinicalCategory !== "implant" && ruleFor(p.item.id) === kind && Number(p.line.unitPrice) < 500;
  const home = priced.find((p) => rule("accept")(p))?.facilityId ?? priced[0]?.facilityId;
  const out: DemoRequisition[] = [];
  /** The first line anywhere (or at home), the others at the first one's facility. */
  const add = (
    n: number,
    label: string,
    expect: string,
    wanted: ((p: Priced) => boolean)[],
    qty: (p: Priced) => string,
    atHome = false,
  ) => {
    const first = pick(wanted[0]!, atHome ? home : undefined);
    if (!first) return;
    const found = [first, ...wanted.slice(1).flatMap((ok) => pick(ok, first.facilityId) ?? [])];
    const facilityId = first.facilityId;
    out.push({
      label,
      expect,
      body: {
        kind: "requisition",
        id: `RQ-${stamp}-${String(n).padStart(2, "0")}`,
        facilityId,
        costCenterId: costCenterOf(facilityId).id,
        requester: ["RN Dana Ortiz", "Charge RN Sam Patel", "OR scheduler Lee Chen", "Materials mgr Ana Ruiz"][n % 4]!,
        neededBy: day(3 + (n % 3)),
        lines: found.map((p, i) => ({ lineId: String(i + 1), itemId: p.item.id, quantity: qty(p), uom: p.line.uom })),
      },
    });
  };
  const few = (p: Priced) => String(Math.max(1, Math.min(12, Math.floor(400 / Math.max(1, Number(p.line.unitPrice))))));
  const accept = rule("accept");
  add(1, "med-surg restock", "approved at once, ordered, confirmed by the 855", [accept, accept, accept], few, true);
  add(
    2,
    "ED restock",
    "ordered; the distributor re-prices a line (price-changed exception)",
    [rule("reprice"), accept],
    few,
  );
  add(
    3,
    "ICU restock",
    "ordered; the distributor back-orders a line (backordered exception)",
    [rule("backorder"), accept],
    few,
  );
  add(
    4,
    "quarterly bulk order",
    `above the ${amountThreshold} threshold: waits for the department head`,
    [accept],
    (p) => String(Math.ceil((amountThreshold * 1.8) / Math.max(0.01, Number(p.line.unitPrice)))),
  );
  add(
    5,
    "OR implant case",
    "an implant: waits for the value analysis committee",
    [(p) => p.item.clinicalCategory === "implant" && Number(p.line.unitPrice) * 2 < amountThreshold],
    () => "1",
  );
  // Off contract: an item priced at another facility only, bought here at a quoted price.
  const elsewhere = priced.find(
    (p) =>
      !used.has(p.item.id) &&
      p.facilityId !== home &&
      p.item.clinicalCategory !== "implant" &&
      Number(p.line.unitPrice) >= 20 &&
      Number(p.line.unitPrice) < 1_000 &&
      !priced.some((q) => q.item.id === p.item.id && q.facilityId === home),
  );
  if (elsewhere && home) {
    const quoted = (Number(elsewhere.line.unitPrice) * 1.15).toFixed(2);
    const costCenterId = costCenterOf(home).id;
    out.push({
      label: "off-contract buy",
      expect: "no contract price here: waits for purchasing",
      body: {
        kind: "requisition",
        id: `RQ-${stamp}-06`,
        facilityId: home,
        costCenterId,
        requester: "Materials mgr Ana Ruiz",
        neededBy: day(2),
        lines: [{ lineId: "1", itemId: elsewhere.item.id, quantity: "2", uom: elsewhere.line.uom, unitPrice: quoted }],
      },
    });
  }
  // Through the cXML supplier network: a line it accepts, one it allocates and one it rejects.
  const viaNetwork = ["accept", "allocate", "reject"].flatMap(
    (kind) => network?.lines.find((l) => l.kind === kind) ?? [],
  );
  if (network && viaNetwork.length > 0)
    out.push({
      label: "clinic restock via the supplier network",
      expect: `${network.supplierId} orders in cXML: the network allocates a line and rejects one`,
      body: {
        kind: "requisition",
        id: `RQ-${stamp}-07`,
        facilityId: network.facilityId,
        costCenterId: costCenterOf(network.facilityId).id,
        requester: "Clinic RN Jo Kim",
        neededBy: day(4),
        lines: viaNetwork.map((p, i) => ({
          lineId: String(i + 1),
          itemId: p.item.id,
          // At least 2: the network cannot cut a quantity of 1 (order-rule.ts).
          quantity: String(Math.max(2, Number(few(p)))),
          uom: p.line.uom,
        })),
      },
    });
  return out;
}

export interface SentRequisition {
  readonly label: string;
  readonly expect: string;
  readonly id: string;
  readonly status: number;
  /** The hub's verdict at once: approved, awaiting_approval, blocked… */
  readonly verdict: string;
  readonly approvals: string[];
}

/** Sends the demo requisitions to the hub as procurement; a repeat (same day) is answered 200. */
export async function sendDemoRequisitions(
  hubUrl: string,
  procurementKey: string,
  dataset: SandboxDataset,
): Promise<SentRequisition[]> {
  const sent: SentRequisition[] = [];
  for (const r of demoRequisitions(dataset)) {
    const res = await request(`${hubUrl}/v1/requisitions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": procurementKey },
      body: JSON.stringify(r.body),
    });
    const answer = (await res.body.json()) as { status?: string; detail?: string; approvals?: { kind: string }[] };
    sent.push({
      label: r.label,
      expect: r.expect,
      id: r.body.id,
      status: res.statusCode,
      verdict: answer.status ?? answer.detail ?? "?",
      approvals: (answer.approvals ?? []).map((a) => a.kind),
    });
  }
  return sent;
}

/** What `npm start` prints about them: each verdict, and the calls that follow them to the 855 / ConfirmationRequest. */
export function describeDemoRequisitions(
  sent: readonly SentRequisition[],
  hubUrl: string,
  networkUrl?: string,
): string {
  const waiting = sent.find((s) => s.approvals.includes("amount"));
  const viaNetwork = sent.find((s) => s.id.endsWith("-07"));
  return [
    "Requisition to PO: procurement sent a morning of requisitions (POs go to the ERP and, as 850s, to the",
    "distributor, whose 855 comes back through its EDI folder within seconds; one supplier's go as cXML",
    "OrderRequests to the supplier network, whose ConfirmationRequest comes back to /v1/inbound/cxml):",
    ...sent.map((s) => `  ${s.status} ${s.id}  ${s.verdict.padEnd(17)} ${s.label}: ${s.expect}`),
    ...(viaNetwork
      ? [`  curl -H "x-api-key: $CONCORD_API_KEY" ${hubUrl}/v1/requisitions/${viaNetwork.id}   (ordered in cXML)`]
      : []),
    ...(networkUrl ? [`  curl ${networkUrl}/supplier-network/api/orders   (the OrderRequests the network took)`] : []),
    `  curl -H "x-api-key: $CONCORD_API_KEY" '${hubUrl}/v1/requisitions'`,
    `  curl -H "x-api-key: $CONCORD_API_KEY" ${hubUrl}/v1/requisitions/${sent[1]?.id ?? sent[0]?.id}`,
    `  curl -H "x-api-key: $CONCORD_API_KEY" ${hubUrl}/v1/approval-tasks`,
    ...(waiting
      ? [
          "  approve the bulk order as the department head (you, the operator; never the requester):",
          `  curl -X POST -H "x-api-key: $CONCORD_API_KEY" -H 'content-type: application/json' -d '{"decision":"approve"}' ${hubUrl}/v1/requisitions/${waiting.id}/approvals/amount`,
        ]
      : []),
    "",
  ].join("\n");
}
