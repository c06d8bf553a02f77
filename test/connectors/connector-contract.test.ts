import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../sandbox/index.js";
import {
  createAnalyticsSinkConnector,
  createErpPurchasingConnector,
  createProcurementCatalogConnector,
  MemoryTarget,
} from "../../src/connectors/index.js";
import { ConcordError, Errors } from "../../src/errors/index.js";
import type { DeliveryPort, OutboundMessage } from "../../src/events/index.js";
import {
  CONTRACT_VERSION_EVENT,
  type Contract,
  type ContractVersionEvent,
  contractBusinessKey,
  type XrefTable,
} from "../../src/model/index.js";

/**
 * The connector contract: every delivery port, whatever its protocol, must
 * - apply a message and say so (acknowledged with its reference, or delivered for sinks),
 * - apply one idempotency key once, however often it is sent,
 * - classify failures the dispatcher acts on: transient (with Retry-After), timeout, stale, rejected.
 * It runs on each HTTP connector against its sandbox system, and on the in-memory twin.
 */
interface Harness {
  readonly name: string;
  readonly port: () => DeliveryPort;
  /** Versions the target applied for the contract, in order. */
  readonly applied: (contract: Contract) => Promise<number[]>;
  readonly inject?: (faults: object) => Promise<void>;
  readonly clearFaults?: () => Promise<void>;
  /** Why a case does not apply to this target, per case. */
  readonly skip?: Partial<Record<"stale" | "rejected" | "faults", string>>;
  readonly nativeItem?: (contract: Contract) => string;
  readonly ackKind: "acknowledged" | "delivered";
}

let sandbox: Sandbox;
const memory = new MemoryTarget("memory");

function xrefTables(system: string): XrefTable {
  const t: Record<string, Record<string, string>> = {};
  for (const x of sandbox.dataset.canonical.xrefs) {
    if (x.system !== system) continue;
    t[x.entityType] ??= {};
    t[x.entityType]![x.canonicalId] = x.localId;
  }
  return t;
}

function message(contract: Contract, version: number, key: string): OutboundMessage {
  const event: ContractVersionEvent = {
    contract: { ...contract, version },
    xrefs: { procurement: xrefTables("procurement"), erp: xrefTables("erp") },
  };
  return {
    deliveryId: version,
    target: "t",
    eventType: CONTRACT_VERSION_EVENT,
    businessKey: contractBusinessKey(contract.id),
    keyVersion: version,
    payload: event,
    idempotencyKey: key,
    correlationId: "contract-test",
    attempt: 1,
  };
}

const agreementNo = (c: Contract) =>
  sandbox.dataset.canonical.xrefs.find(
    (x) => x.system === "clm" && x.entityType === "contract" && x.canonicalId === c.id,
  )!.localId;
const faults = (system: string) => ({
  inject: async (f: object) => {
    await fetch(`${sandbox.urls[system as "erp"]}/${system}/_faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(f),
    });
  },
  clearFaults: async () => {
    await fetch(`${sandbox.urls[system as "erp"]}/${system}/_faults`, { method: "DELETE" });
  },
});
const nativeItem = (system: string) => (c: Contract) =>
  sandbox.dataset.canonical.xrefs.find(
    (x) => x.system === system && x.entityType === "item" && x.canonicalId === c.priceLines[0]!.itemId,
  )!.localId;
const history = async (url: string) => (await (await fetch(url)).json()) as Record<string, unknown>[];

const HARNESSES: Harness[] = [
  {
    name: "procurement-catalog",
    ackKind: "acknowledged",
    port: () =>
      createProcurementCatalogConnector({
        system: "procurement",
        baseUrl: `${sandbox.urls.procurement}/procurement/api`,
      }),
    applied: async (c) =>
      (await history(`${sandbox.urls.procurement}/procurement/api/contract-catalogs/${agreementNo(c)}/history`)).map(
        (h) => Number(h.revision),
      ),
    ...faults("procurement"),
    nativeItem: nativeItem("procurement"),
  },
  {
    name: "erp-purchasing",
    ackKind: "acknowledged",
    port: () => createErpPurchasingConnector({ system: "erp", baseUrl: `${sandbox.urls.erp}/erp/api` }),
    applied: async (c) =>
      (await history(`${sandbox.urls.erp}/erp/api/purchasing/blanket-agreements/${agreementNo(c)}/history`)).map((h) =>
        Number(h.REVISION_NUM),
      ),
    ...faults("erp"),
    nativeItem: nativeItem("erp"),
  },
  {
    name: "analytics-sink",
    ackKind: "delivered",
    port: () =>
      createAnalyticsSinkConnector({
        system: "analytics",
        baseUrl: `${sandbox.urls.analytics}/analytics/api`,
      }),
    applied: async (c) =>
      (await history(`${sandbox.urls.analytics}/analytics/api/batches`))
        .filter((b) => b.contract_number === c.number)
        .map((b) => Number(b.contract_version)),
    ...faults("analytics"),
    skip: {
      stale: "a sink keeps every batch it is sent; ordering is the dispatcher's job",
      rejected: "the sink takes canonical ids and rejects no item",
    },
  },
  {
    name: "memory twin",
    ackKind: "acknowledged",
    port: () => memory,
    applied: async (c) =>
      memory.applied.filter((a) => a.businessKey === contractBusinessKey(c.id)).map((a) => a.keyVersion),
    skip: {
      faults: "its failures are scripted with failNext (memory-target.test.ts)",
      rejected: "it knows no items",
    },
  },
];

beforeAll(async () => {
  sandbox = await startSandbox({
    seed: 11,
    scale: { facilities: 5, suppliers: 10, items: 200, contracts: 12 },
  });
});
afterAll(async () => sandbox?.close());

describe.each(HARNESSES.map((h, i) => [h.name, h, i] as const))("connector contract: %s", (_name, h, index) => {
  // Each harness works on its own contracts so the cases never see each other's versions.
  const contract = (n: number) => sandbox.dataset.canonical.contracts[index * 3 + n]!;
  let port: DeliveryPort;
  beforeAll(() => {
    port = h.port();
  });
  afterAll(async () => {
    await h.clearFaults?.();
    if (port !== memory) await port.close?.();
  });
  const signal = () => AbortSignal.timeout(5_000);

  it("applies a contract version and reports the outcome", async () => {
    const c = contract(0);
    const outcome = await port.deliver(message(c, 2, `k-${h.name}-apply`), signal());
    expect(outcome.kind).toBe(h.ackKind);
    if (h.ackKind === "acknowledged") expect(outcome.ref).toBeTruthy();
    expect(await h.applied(c)).toContain(2);
  });

  it("applies one idempotency key once, however often it is sent", async () => {
    const c = contract(1);
    const m = message(c, 2, `k-${h.name}-dup`);
    const first = await port.deliver(m, signal());
    const second = await port.deliver(m, signal());
    expect(second).toEqual(first);
    expect((await h.applied(c)).filter((v) => v === 2)).toHaveLength(1);
  });

  it("refuses an older version than the one it holds as stale", async (ctx) => {
    if (h.skip?.stale) return ctx.skip(h.skip.stale);
    const c = contract(2);
    await port.deliver(message(c, 3, `k-${h.name}-v3`), signal());
    const e = await port.deliver(message(c, 2, `k-${h.name}-v2`), signal()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConcordError);
    expect((e as ConcordError).code).toBe(Errors.ConnectorStale.code);
  });

  it("classifies 503 and 429 as transient and carries Retry-After", async (ctx) => {
    if (h.skip?.faults) return ctx.skip(h.skip.faults);
    await h.inject!({ failNext: { count: 1, status: 503, retryAfterSeconds: 7 } });
    const e = (await port
      .deliver(message(contract(0), 5, `k-${h.name}-503`), signal())
      .catch((x: unknown) => x)) as ConcordError;
    expect(e.code).toBe(Errors.ConnectorTransient.code);
    expect(e.retryable).toBe(true);
    expect(e.extras).toMatchObject({ httpStatus: 503, retryAfterMs: 7000 });
    await h.inject!({ failNext: { count: 1, status: 429, retryAfterSeconds: 2 } });
    const t = (await port
      .deliver(message(contract(0), 5, `k-${h.name}-429`), signal())
      .catch((x: unknown) => x)) as ConcordError;
    expect(t.extras).toMatchObject({ httpStatus: 429, retryAfterMs: 2000 });
  });

  it("reports a target that does not answer in time as a timeout, not a rejection", async (ctx) => {
    if (h.skip?.faults) return ctx.skip(h.skip.faults);
    await h.inject!({ hangNext: 1 });
    const e = (await port
      .deliver(message(contract(0), 6, `k-${h.name}-hang`), AbortSignal.timeout(300))
      .catch((x: unknown) => x)) as ConcordError;
    expect(e.code).toBe(Errors.ConnectorTimeout.code);
    expect(e.retryable).toBe(true);
  });

  it("classifies the target's refusal of an unknown item as a permanent rejection naming the item", async (ctx) => {
    if (h.skip?.rejected) return ctx.skip(h.skip.rejected);
    const c = contract(1);
    const item = h.nativeItem!(c);
    await h.inject!({ rejectItems: [item] });
    const e = (await port
      .deliver(message(c, 7, `k-${h.name}-reject`), signal())
      .catch((x: unknown) => x)) as ConcordError;
    await h.clearFaults!();
    expect(e.code).toBe(Errors.ConnectorRejected.code);
    expect(e.retryable).toBe(false);
    expect(e.message).toContain(item);
  });
});

describe("connector contract: transport failures", () => {
  it("an unreachable target is transient", async () => {
    const port = createErpPurchasingConnector({ system: "erp", baseUrl: "http://127.0.0.1:9/erp/api" });
    const c = sandbox.dataset.canonical.contracts[0]!;
    const e = (await port
      .deliver(message(c, 2, "k-refused"), AbortSignal.timeout(2_000))
      .catch((x: unknown) => x)) as ConcordError;
    expect(e.code).toBe(Errors.ConnectorTransient.code);
    expect(e.message).toContain("unreachable");
    await port.close?.();
  });

  it("a mapping gap (no cross-reference for an item) is a permanent rejection that names the field", async () => {
    const port = createProcurementCatalogConnector({
      system: "procurement",
      baseUrl: `${sandbox.urls.procurement}/procurement/api`,
    });
    const c = sandbox.dataset.canonical.contracts[0]!;
    const m = message(c, 2, "k-unmapped");
    const event = m.payload as ContractVersionEvent;
    const payload = { ...event, xrefs: { procurement: { ...event.xrefs.procurement, item: {} } } };
    const e = (await port
      .deliver({ ...m, payload }, AbortSignal.timeout(2_000))
      .catch((x: unknown) => x)) as ConcordError;
    expect(e.code).toBe(Errors.ConnectorRejected.code);
    expect(e.message).toContain("/contract/priceLines/0/itemId");
    await port.close?.();
  });
});
