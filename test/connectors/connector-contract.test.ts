import { mkdtemp, readdir, rm } from "node:fs/promises";
import { connect as tcpConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../sandbox/index.js";
import { createFileDrop, type FileDrop } from "../../src/connectors/file-drop/index.js";
import {
  createAnalyticsSinkConnector,
  createErpPurchasingConnector,
  createProcurementCatalogConnector,
  MemoryTarget,
} from "../../src/connectors/index.js";
import { connectNatsBus, createNatsPublisher, ensureStream, type NatsBus } from "../../src/connectors/nats/index.js";
import { createX12PriceAuthorizationConnector } from "../../src/connectors/x12-price-authorization/index.js";
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
 * It runs on each HTTP connector against its sandbox system, on the X12 845 connector through a real
 * file drop, on the NATS publisher against the real server, and on the in-memory twin. The cXML
 * connector carries trade documents, not contract versions: its cases (acknowledged, 4xx final,
 * 5xx transient, unreachable) run against a local cXML server in cxml-http-connector.test.ts, and
 * the purchase-order targets' (cxml-order-request) in cxml-order-request.test.ts beside this file.
 */
interface Harness {
  readonly name: string;
  readonly port: () => DeliveryPort;
  /** Versions the target applied for the contract, in order. */
  readonly applied: (contract: Contract) => Promise<number[]>;
  readonly inject?: (faults: object) => Promise<void>;
  readonly clearFaults?: () => Promise<void>;
  /** Why a case does not apply to this target, per case ("apply": the whole target is unavailable). */
  readonly skip?: Partial<Record<"stale" | "rejected" | "faults" | "apply", string>>;
  readonly nativeItem?: (contract: Contract) => string;
  readonly ackKind: "acknowledged" | "delivered";
}

let sandbox: Sandbox;
const memory = new MemoryTarget("memory");

// The EDI partner's folder, and the bus (when a NATS server is reachable).
let dropRoot: string;
let drop: FileDrop;
const NATS_URL = process.env.CONCORD_TEST_NATS_URL ?? "nats://127.0.0.1:4222";
const natsReachable = await new Promise<boolean>((resolve) => {
  const u = new URL(NATS_URL.replace(/^nats:/, "http:"));
  const sock = tcpConnect({ host: u.hostname, port: Number(u.port || 4222) });
  const done = (ok: boolean) => {
    sock.destroy();
    resolve(ok);
  };
  sock.setTimeout(1_000, () => done(false));
  sock.once("connect", () => done(true));
  sock.once("error", () => done(false));
});
const busTag = `cc${process.pid}${Date.now().toString(36)}`;
let bus: NatsBus | undefined;

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
    // An EDI partner (here named by procurement's ids) reached through its file drop: it takes the
    // 845 as a file; whether it applied it comes later, in its 997 (edi-price-authorization.test.ts).
    name: "x12-price-authorization (file drop)",
    ackKind: "delivered",
    port: () =>
      createX12PriceAuthorizationConnector({
        system: "procurement",
        partner: { qualifier: "ZZ", id: "DISTRIB", options: {} },
        identity: { qualifier: "ZZ", id: "CONCORD" },
        sink: {
          put: async (name, content) => {
            try {
              await drop.send(name, content);
              return true;
            } catch (e) {
              if (e instanceof ConcordError && e.code === Errors.TransportFileExists.code) return false;
              throw e;
            }
          },
        },
        awaitAckMs: 60_000,
      }),
    applied: async (c) =>
      (await readdir(join(dropRoot, "outbound")))
        .map((f) => new RegExp(`^845-${c.number.replace(/[^A-Za-z0-9._-]/g, "_")}-v(\\d+)-`).exec(f)?.[1])
        .filter((v): v is string => v !== undefined)
        .map(Number),
    skip: {
      stale: "a partner's folder takes every interchange; per-key order is the dispatcher's, refusals come in the 997",
      faults: "a folder answers no HTTP; its failures (missing folder, name taken) are in file-drop.test.ts",
      rejected: "the partner refuses items in its 997, later (test/e2e/edi-price-authorization.test.ts)",
    },
  },
  {
    // The enterprise bus: JetStream keeps one copy per Nats-Msg-Id (the idempotency key).
    name: "nats-bus",
    ackKind: "delivered",
    port: () =>
      natsReachable
        ? createNatsPublisher({ system: "bus", bus: bus!, subjectPrefix: `${busTag}.events` })
        : { system: "bus", deliver: async () => Promise.reject(new Error("NATS unreachable")) },
    applied: async (c) => {
      const versions: number[] = [];
      const info = await bus!.jsm.streams.info(busTag.toUpperCase());
      for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
        const m = await bus!.jsm.streams.getMessage(busTag.toUpperCase(), { seq }).catch(() => undefined);
        if (m?.header.get("Concord-Business-Key") === contractBusinessKey(c.id)) {
          versions.push(Number(m.header.get("Concord-Key-Version")));
        }
      }
      return versions;
    },
    skip: {
      ...(natsReachable ? {} : { apply: `NATS is not reachable at ${NATS_URL}` }),
      stale: "a bus keeps every version it is given; consumers order by Concord-Key-Version",
      faults: "its failures (no stream, no PubAck, refused message) are in nats.int.test.ts against the real server",
      rejected: "a bus carries canonical ids and refuses no item",
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
    scale: { facilities: 5, suppliers: 10, items: 200, contracts: 18 },
  });
  dropRoot = await mkdtemp(join(tmpdir(), "concord-contract-drop-"));
  drop = createFileDrop({ partner: "procurement", root: dropRoot, handler: async () => {}, watch: false });
  await drop.start();
  if (natsReachable) {
    bus = await connectNatsBus({ servers: NATS_URL });
    await ensureStream(bus, { name: busTag.toUpperCase(), subjects: [`${busTag}.>`] });
  }
});
afterAll(async () => {
  await sandbox?.close();
  await drop?.stop();
  await rm(dropRoot, { recursive: true, force: true });
  await bus?.jsm.streams.delete(busTag.toUpperCase()).catch(() => undefined);
  await bus?.close();
});

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

  it("applies a contract version and reports the outcome", async (ctx) => {
    if (h.skip?.apply) return ctx.skip(h.skip.apply);
    const c = contract(0);
    const outcome = await port.deliver(message(c, 2, `k-${h.name}-apply`), signal());
    expect(outcome.kind).toBe(h.ackKind);
    if (h.ackKind === "acknowledged") expect(outcome.ref).toBeTruthy();
    expect(await h.applied(c)).toContain(2);
  });

  it("applies one idempotency key once, however often it is sent", async (ctx) => {
    if (h.skip?.apply) return ctx.skip(h.skip.apply);
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
