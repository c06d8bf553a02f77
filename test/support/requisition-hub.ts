/**
 * The requisition-to-PO test world: a small health system with a clinical item, an inactive item,
 * an item on contract only at another facility, two cost centers (one nearly empty), the EDI
 * distributor as a file-drop partner taking 850s, and an ERP that records POs. No vitest import:
 * the crash test's child process uses it too.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { encodeDocuments } from "../../src/connectors/x12/index.js";
import type { Contract, MasterDataSnapshot, OrderConfirmation } from "../../src/model/index.js";
import { compileHubConfig, type HubConfig } from "../../src/server/index.js";
import { itemRecord } from "./records.js";
import { contractV1, smallHealthSystem } from "./small-health-system.js";
import { testAuth } from "./test-api-key.js";
import { TEST_ENCRYPTION } from "./test-encryption.js";

export const REQ_KEYS = {
  procurement: "ck_procurement-app.0123456789abcdef0123456789abcdef",
  deptHead: "ck_dept-head.0123456789abcdef0123456789abcdef",
  clinician: "ck_vac-chair.0123456789abcdef0123456789abcdef",
  buyer: "ck_buyer-one.0123456789abcdef0123456789abcdef",
} as const;

export const REQ_CLIENTS = [
  {
    id: "procurement-app",
    scopes: ["orders:write", "orders:read", "requisitions:approve"],
    systems: ["procurement"],
    apiKeys: [REQ_KEYS.procurement],
  },
  { id: "dept-head", scopes: ["requisitions:approve", "orders:read"], apiKeys: [REQ_KEYS.deptHead] },
  { id: "vac-chair", scopes: ["requisitions:approve", "orders:read"], apiKeys: [REQ_KEYS.clinician] },
  { id: "buyer-one", scopes: ["requisitions:approve", "orders:read"], apiKeys: [REQ_KEYS.buyer] },
];

/** smallHealthSystem plus: itm-5 an implant, itm-6 inactive (both on ctr-1), itm-7 on ctr-2 for fac-2 only. */
export function requisitionHealthSystem(): MasterDataSnapshot {
  const base = smallHealthSystem();
  const implant = {
    ...itemRecord(5, "Screw, cortical, titanium 3.5 mm"),
    unspsc: "42321501",
    clinicalCategory: "implant" as const,
  };
  const inactive = { ...itemRecord(6, "Exam glove latex (discontinued)"), status: "inactive" as const };
  const ctr1 = contractV1();
  const line = (n: number, price: string) => ({
    lineNo: n,
    itemId: `itm-${n}`,
    uom: "each" as const,
    unitPrice: price,
    tierPrices: [],
  });
  const ctr2: Contract = {
    ...contractV1(),
    id: "ctr-2",
    number: "AGR-2",
    supplierId: "sup-2",
    priceLines: [line(7, "40.00")],
    eligibility: [{ facilityId: "fac-2", tier: 1, from: "2026-01-01" }],
  };
  return {
    ...base,
    items: [...base.items, implant, inactive, itemRecord(7, "Suction canister 1500 mL")],
    costCenters: [
      {
        kind: "cost-center",
        id: "cc-1",
        code: "7010",
        name: "Med-surg 4 West",
        facilityId: "fac-1",
        annualBudget: "50000.00",
      },
      {
        kind: "cost-center",
        id: "cc-small",
        code: "7090",
        name: "Volunteer services",
        facilityId: "fac-1",
        annualBudget: "100.00",
      },
    ],
    contracts: [{ ...ctr1, priceLines: [...ctr1.priceLines, line(5, "850.00"), line(6, "4.00")] }, ctr2],
  };
}

/** An ERP purchasing endpoint that records the POs Concord sends it. */
export async function startErpRecorder(): Promise<{
  app: FastifyInstance;
  url: string;
  /** Each PO once (by Idempotency-Key, as the ERP applies them). */
  orders: Record<string, any>[];
  /** Every request, repeats included. */
  received: { key: string; po: string }[];
}> {
  const orders: Record<string, any>[] = [];
  const received: { key: string; po: string }[] = [];
  const seen = new Map<string, number>();
  const app = Fastify();
  app.post("/purchasing/purchase-orders", async (req, reply) => {
    const key = String(req.headers["idempotency-key"]);
    received.push({ key, po: String((req.body as { PO_NUM?: unknown }).PO_NUM) });
    if (!seen.has(key)) {
      orders.push(req.body as Record<string, any>);
      seen.set(key, orders.length);
    }
    return reply.code(201).send({ STATUS: "SUCCESS", DOCUMENT_ID: seen.get(key) });
  });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  return { app, url, orders, received };
}

export function requisitionHubConfig(o: {
  storeUrl: string;
  erpUrl: string;
  dropRoot: string;
  leaseMs?: number;
}): HubConfig {
  const leaseMs = o.leaseMs ?? 5_000;
  return compileHubConfig({
    storeUrl: o.storeUrl,
    port: 0,
    encryption: TEST_ENCRYPTION,
    auth: testAuth(REQ_CLIENTS),
    partners: [
      {
        system: "distributor",
        x12: { qualifier: "ZZ", id: "DISTRIB" },
        fileDrop: { root: o.dropRoot, scanIntervalMs: 50, stableMs: 20 },
      },
    ],
    targets: [
      { system: "erp", kind: "erp-purchasing", baseUrl: o.erpUrl, events: ["purchase-order.issued"] },
      { system: "distributor", kind: "x12-price-authorization", events: ["purchase-order.issued"] },
    ],
    retry: { initialDelayMs: 20, maxDelayMs: 200, maxAttempts: 20 },
    dispatcher: {
      pollIntervalMs: 25,
      deliveryTimeoutMs: Math.floor(leaseMs / 2),
      leaseMs,
      circuit: { failureThreshold: 1_000 },
    },
    supplierOnboarding: { timerPollMs: 25 },
    requisitionToPo: {
      amountApprovalThreshold: "1000.00",
      approvalSlaMs: 4 * 3_600_000,
      approvers: { "department-head": ["dept-head"] },
    },
  });
}

/** The distributor's 855 for a PO, as an interchange to POST to /v1/inbound/x12. */
export function confirmation855(control: number, c: Omit<OrderConfirmation, "kind" | "parties">): string {
  return encodeDocuments([{ kind: "order-confirmation", parties: [], ...c }], {
    sender: { qualifier: "ZZ", id: "DISTRIB" },
    receiver: { qualifier: "ZZ", id: "CONCORD" },
    controlNumber: control,
    at: new Date("2026-03-02T10:00:00Z"),
  }).text;
}
