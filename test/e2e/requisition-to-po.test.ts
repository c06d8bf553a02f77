import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Hub, startHub } from "../../src/server/index.js";
import { HOUR_MS, ManualClock } from "../../src/workflows/timers/index.js";
import { requisitionCalls, requisitionOf } from "../support/requisition-client.js";
import {
  confirmation855,
  REQ_KEYS,
  requisitionHealthSystem,
  requisitionHubConfig,
  startErpRecorder,
} from "../support/requisition-hub.js";
import { STORE_KINDS } from "../support/stores.js";
import { TEST_API_KEY, waitFor } from "../support/test-hub.js";

const line = (lineId: string, itemId: string, quantity: string, unitPrice?: string) => ({
  lineId,
  itemId,
  quantity,
  uom: itemId === "itm-1" || itemId === "itm-2" || itemId === "itm-3" ? "box" : "each",
  ...(unitPrice ? { unitPrice } : {}),
});

describe.each(STORE_KINDS)("requisition to PO end to end ($name)", (kind) => {
  let hub: Hub;
  let erp: Awaited<ReturnType<typeof startErpRecorder>>;
  let dropRoot: string;
  let storeUrl: string;
  let control = 500;
  const clock = new ManualClock("2026-03-02T08:00:00Z");
  const { call, view, settled } = requisitionCalls(() => hub.url);
  const submit = (body: unknown) => call("POST", "/v1/requisitions", REQ_KEYS.procurement, body);
  const files850 = async () =>
    (await readdir(join(dropRoot, "outbound")).catch(() => [])).filter((f) => f.startsWith("850-"));
  const confirm = (purchaseOrderId: string, status: string, lines: unknown[]) =>
    call(
      "POST",
      "/v1/inbound/x12",
      TEST_API_KEY,
      confirmation855(++control, {
        purchaseOrderId,
        confirmationDate: "2026-03-02",
        status: status as "accepted",
        lines: lines as [],
      }),
      "application/edi-x12",
    );

  beforeAll(async () => {
    dropRoot = await mkdtemp(join(tmpdir(), "req-drop-"));
    erp = await startErpRecorder();
    storeUrl = kind.url();
    hub = await startHub(requisitionHubConfig({ storeUrl, erpUrl: erp.url, dropRoot }), {
      seed: requisitionHealthSystem(),
      clock,
    });
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await erp?.app.close();
    await kind.cleanup(storeUrl);
    await rm(dropRoot, { recursive: true, force: true });
  });

  it("checks a clean requisition at once, orders it: one PO kept as a trade document, an 850 to the distributor, the PO in the ERP, the budget committed; the 855 confirms it", async () => {
    const res = await submit(requisitionOf("REQ-1", [line("1", "itm-1", "10", "10.25"), line("2", "itm-2", "5")]));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe("approved");
    expect(res.body.check.lines.map((l: any) => [l.lineId, l.outcome, l.unitPrice])).toEqual([
      ["1", "passed", "10.25"],
      ["2", "passed", "11.25"],
    ]);
    expect(res.body.check.budget).toMatchObject({ outcome: "passed", available: "50000.00" });
    expect(res.body.total).toBe("158.75");
    const ordered = await settled("REQ-1", "ordered");
    const [po] = ordered.purchaseOrders;
    expect(po).toMatchObject({ partner: "distributor", format: "x12-850", supplierId: "sup-1", total: "158.75" });
    const name = await waitFor(
      async () => (await files850()).find((f) => f.includes(po.purchaseOrderId)),
      15_000,
      "the 850",
    );
    const x12 = await readFile(join(dropRoot, "outbound", name!), "utf8");
    expect(x12).toContain(`BEG*00*SA*${po.purchaseOrderId}`);
    expect(x12).toMatch(/PO1\*1\*10\*BX\*10\.25/);
    await waitFor(() => erp.orders.find((o) => o.PO_NUM === po.purchaseOrderId), 15_000, "the ERP PO");
    expect(erp.orders.find((o) => o.PO_NUM === po.purchaseOrderId)).toMatchObject({
      ORG_CODE: "fac-1",
      COST_CENTER: "cc-1",
      REQUISITION_REF: "REQ-1",
    });
    const status = await call("GET", `/v1/purchase-orders/${po.purchaseOrderId}/status`, TEST_API_KEY);
    expect(status.body.status).toBe("ordered");
    const budget = await call("GET", "/v1/cost-centers/cc-1/budgets/2026", TEST_API_KEY);
    expect(budget.body).toMatchObject({ amount: "50000.00", committed: "158.75" });

    const ack = await confirm(po.purchaseOrderId, "accepted", [
      { lineId: "1", status: "accepted", quantity: "10", unitPrice: "10.25" },
      { lineId: "2", status: "accepted" },
    ]);
    expect(ack.status, JSON.stringify(ack.body)).toBe(202);
    const confirmed = await settled("REQ-1", "confirmed");
    expect(confirmed.lineStatus).toEqual({ 1: "accepted", 2: "accepted" });
    expect(confirmed.exceptions).toEqual([]);
    expect((await call("GET", `/v1/purchase-orders/${po.purchaseOrderId}/status`, TEST_API_KEY)).body.status).toBe(
      "acknowledged",
    );
  });

  it("turns an 855 back-order and price change into typed exceptions with owner, urgency and due date", async () => {
    await submit(requisitionOf("REQ-2", [line("1", "itm-1", "2"), line("2", "itm-3", "4")]));
    const { purchaseOrders } = await settled("REQ-2", "ordered");
    const poId = purchaseOrders[0].purchaseOrderId;
    await confirm(poId, "accepted-with-changes", [
      { lineId: "1", status: "backordered", quantity: "2", scheduledShipDate: "2026-03-20" },
      { lineId: "2", status: "accepted-with-changes", quantity: "4", unitPrice: "13.10" },
    ]);
    const done = await settled("REQ-2", "confirmed_with_exceptions");
    expect(done.lineStatus).toEqual({ 1: "backordered", 2: "changed" });
    expect(done.exceptions.map((e: any) => [e.rule, e.urgency, e.owner])).toEqual([
      ["requisition.backordered", "routine", "buyer"],
      ["requisition.price-changed", "financial", "buyer"],
    ]);
    expect(done.exceptions[1].message).toContain("price changed from 12.25 to 13.10");
    expect(Date.parse(done.exceptions[0].dueAt)).toBe(clock.now().getTime() + 8 * HOUR_MS);
  });

  it("blocks a requisition over its cost center's budget and one with an inactive item, saying per line why", async () => {
    const over = await submit(requisitionOf("REQ-3", [line("1", "itm-1", "20")], "cc-small"));
    expect(over.status).toBe(201);
    expect(over.body.status).toBe("blocked");
    expect(over.body.check.budget).toMatchObject({ outcome: "failed", available: "100.00" });
    expect(over.body.exceptions.map((e: any) => [e.rule, e.urgency, e.owner])).toEqual([
      ["requisition.over-budget", "financial", "finance"],
    ]);
    const inactive = await submit(requisitionOf("REQ-4", [line("1", "itm-1", "1"), line("2", "itm-6", "3")]));
    expect(inactive.body.status).toBe("blocked");
    expect(inactive.body.check.lines.map((l: any) => l.outcome)).toEqual(["passed", "failed"]);
    expect(inactive.body.check.lines[1].checks[0]).toMatchObject({ check: "item-active", outcome: "failed" });
    expect(inactive.body.exceptions.map((e: any) => e.rule)).toEqual(["requisition.item-inactive"]);
    expect(inactive.body.purchaseOrders).toEqual([]);
  });

  it("routes an off-contract line to purchasing and orders it once approved", async () => {
    const res = await submit(requisitionOf("REQ-5", [line("1", "itm-7", "3", "42.00")]));
    expect(res.body.status).toBe("awaiting_approval");
    expect(res.body.check.lines[0].checks[1]).toMatchObject({ check: "contract-price", outcome: "flagged" });
    expect(res.body.approvals).toMatchObject([{ kind: "off-contract", owner: "purchasing", status: "open" }]);
    const tasks = await call("GET", "/v1/approval-tasks?owner=purchasing", TEST_API_KEY);
    expect(tasks.body.items.map((t: any) => t.requisitionId)).toContain("REQ-5");
    const self = await call("POST", "/v1/requisitions/REQ-5/approvals/off-contract", REQ_KEYS.procurement, {
      decision: "approve",
    });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe("CONCORD_ERR_REQUISITION_APPROVER");
    const ok = await call("POST", "/v1/requisitions/REQ-5/approvals/off-contract", REQ_KEYS.buyer, {
      decision: "approve",
      comment: "sole source this week",
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const ordered = await settled("REQ-5", "ordered");
    expect(ordered.purchaseOrders).toMatchObject([{ supplierId: "sup-2", total: "126.00" }]);
  });

  it("rejects through the API: only the role's approver may decide, a rejection ends it, nothing is ordered", async () => {
    const res = await submit(requisitionOf("REQ-6", [line("1", "itm-2", "100")]));
    expect(res.body.status).toBe("awaiting_approval");
    expect(res.body.approvals).toMatchObject([{ kind: "amount", owner: "department-head" }]);
    const stranger = await call("POST", "/v1/requisitions/REQ-6/approvals/amount", REQ_KEYS.buyer, {
      decision: "approve",
    });
    expect(stranger.status).toBe(403);
    const no = await call("POST", "/v1/requisitions/REQ-6/approvals/amount", REQ_KEYS.deptHead, {
      decision: "reject",
      comment: "use the par stock",
    });
    expect(no.body.status).toBe("rejected");
    const again = await call("POST", "/v1/requisitions/REQ-6/approvals/amount", REQ_KEYS.deptHead, {
      decision: "approve",
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("CONCORD_ERR_REQUISITION_STATE");
    const v = await view("REQ-6");
    expect(v.purchaseOrders).toEqual([]);
    expect(v.history.at(-1)).toMatchObject({
      to: "rejected",
      actor: "dept-head",
      reason: expect.stringContaining("use the par stock"),
    });
  });

  it("escalates a clinical approval whose SLA lapsed (business clock), then orders once the clinician approves", async () => {
    const res = await submit(requisitionOf("REQ-7", [line("1", "itm-5", "1")]));
    expect(res.body.approvals).toMatchObject([{ kind: "clinical", owner: "value-analysis-committee" }]);
    clock.advance(4 * HOUR_MS + 1);
    const escalated = await waitFor(
      async () => {
        const v = await view("REQ-7");
        return v.approvals[0].escalations === 1 ? v : undefined;
      },
      15_000,
      "the escalation",
    );
    expect(escalated.approvals[0]).toMatchObject({ owner: "supply-chain-director", status: "open" });
    expect(escalated.exceptions).toMatchObject([
      { rule: "requisition.approval-overdue", urgency: "clinical", owner: "supply-chain-director", status: "open" },
    ]);
    await call("POST", "/v1/requisitions/REQ-7/approvals/clinical", REQ_KEYS.clinician, { decision: "approve" });
    const ordered = await settled("REQ-7", "ordered");
    expect(ordered.exceptions[0].status).toBe("resolved");
  });

  it("refuses bad input with problem+json and answers a repeated submission with the first answer", async () => {
    const zero = await submit(requisitionOf("REQ-8", [line("1", "itm-1", "0")]));
    expect(zero.status).toBe(400);
    expect(zero.body.detail).toContain("/lines/0/quantity");
    const unknown = await submit({ ...requisitionOf("REQ-8", [line("1", "itm-1", "1")]), facilityId: "fac-99" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe("CONCORD_ERR_REF_UNKNOWN");
    expect(await call("GET", "/v1/requisitions/REQ-8", TEST_API_KEY).then((r) => r.status)).toBe(404);
    const noScope = await call(
      "POST",
      "/v1/requisitions",
      REQ_KEYS.deptHead,
      requisitionOf("REQ-8", [line("1", "itm-1", "1")]),
    );
    expect(noScope.status).toBe(403);
    const again = await submit(requisitionOf("REQ-1", [line("1", "itm-1", "10", "10.25"), line("2", "itm-2", "5")]));
    expect(again.status).toBe(200);
    expect(again.body.status).toBe("confirmed");
    const changed = await submit(requisitionOf("REQ-1", [line("1", "itm-1", "11")]));
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe("CONCORD_ERR_REQUISITION_STATE");
  });
});
